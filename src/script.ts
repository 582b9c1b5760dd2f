/**
 * Entry of the script-tag file (`dist/id-verify.js`): defines every element and nothing else.
 * Pages that import types, the client or the protocol helpers use the npm package instead.
 */
import './motp-input/define.js';
import './pass-carrier-picker/define.js';
import './id-verify-gate/define.js';
