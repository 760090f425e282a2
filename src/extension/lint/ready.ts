/** The worker's first message: its bundle is loaded, so a request's time budget can start. */
export const READY = 'ready';
