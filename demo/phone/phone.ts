// The phone simulator page: the learner's phone apps, driven by the server's /v1/dev calls.
import { normalizeKoreanMobile } from '../../src/protocol/index.ts';
import { formatPhone } from './format.ts';
import './phone-shell.ts';

// `/phone?phone=010-5555-0001` opens another learner's phone (the demo's numbers are fictional).
const requested = normalizeKoreanMobile(new URLSearchParams(location.search).get('phone') ?? '');
const phone = document.querySelector('sim-phone');
if (requested && phone) phone.phone = formatPhone(requested);
