/** Flags for running Chromium as root in a container. */
export const CHROMIUM_ARGS: string[];
/** How to get a browser, printed when none is found. */
export const HOW_TO_GET_CHROMIUM: string;
/** Path to a Chromium executable, or undefined when this machine has none. */
export function findChromium(): string | undefined;
/** Path to a Chromium executable; exits with instructions when there is none. */
export function requireChromium(): string;
/** Set to 1 to skip every other browser and take the one from `@sparticuz/chromium`. */
export const BUNDLED_ONLY_SWITCH: string;
