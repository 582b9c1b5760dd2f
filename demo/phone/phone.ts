// The phone simulator page: the learner's phone apps, driven by the server's /v1/dev calls.
import './motp-app.ts';
