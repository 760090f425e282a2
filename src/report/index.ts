/** The course health report's HTML, with its charts drawn as SVG: no charting library, no script. */
export { healthHtml, type HtmlOptions } from './html';
