import { setFlagsFromString } from 'node:v8';

// Young-generation semi-spaces of at most 8 MB instead of V8's 16 MB: the server's garbage is
// short-lived request data, scavenged as cheaply at this size, and resident memory under load
// stays in budget (pnpm bench: peak RSS 134-142 MB over six runs with it; 134-182 MB without).
setFlagsFromString('--max-semi-space-size=8');
