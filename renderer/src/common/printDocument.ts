// Prints an HTML document of its own (a comparison, a register), so the page holds it alone, laid out
// for paper, whatever the window shows around it.
export function printDocument(title: string, html: string): void {
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = title;
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.append(frame);
}
