/** The course health report's HTML, with its charts: a bundle of its own, loaded only when a report is made. */
export { healthHtml, type HtmlOptions } from './html';
