/** The team configuration's file name: a leaf module, so that the extension can name it without loading the core. */
export const CONFIG_FILE_NAME = '.coursereview.json';
