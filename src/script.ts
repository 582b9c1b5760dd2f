/**
 * Entry of the script-tag file (`dist/id-verify.js`): defines every element and nothing else.
 * Pages that import types, the client or the protocol helpers use the npm package instead.
 */
import './motp-input/define.js';
import './id-verify-gate/define.js';

// `<pass-carrier-picker>` rides in the phone chunk: inside the gate only the phone path shows
// it, and a learner who stays on mOTP should not download it. A page that uses the picker on
// its own gets that chunk as soon as one stands in its document.
const pickerWanted = () => !!document.querySelector('pass-carrier-picker');
const loadPicker = () => void import('./id-verify-gate/phone/define.js');
if (pickerWanted()) loadPicker();
else {
  const watch = new MutationObserver(() => {
    if (!pickerWanted()) return;
    watch.disconnect();
    loadPicker();
  });
  watch.observe(document, { childList: true, subtree: true });
}
