// core/ is typed without Node or DOM libraries so that neither can leak in. These
// two globals exist in every runtime core runs in (Node, Chromium, Electron), so
// they are declared here, and nothing else is.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
