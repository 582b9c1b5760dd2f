/** Context keys the gate provides to its steps (`@lit/context`). */
import { createContext } from '@lit/context';
import type { VerifyClient } from './client/index.js';
import type { ConfigResponse } from './protocol/index.js';
import type { Translation } from './i18n/index.js';

/** The client every step calls the backend through. */
export const clientContext = createContext<VerifyClient | undefined>(Symbol('idv-client'));
/** What the server offers this learner now. */
export const configContext = createContext<ConfigResponse | undefined>(Symbol('idv-config'));
/** The strings of the active language. */
export const localeContext = createContext<Translation>(Symbol('idv-locale'));
