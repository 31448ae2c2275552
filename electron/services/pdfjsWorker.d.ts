// pdf.js ships no types for its worker module; the node side only hands it to pdf.js (pdfText.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
