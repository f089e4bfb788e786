/**
 * Saves one chart as the SVG it is drawn as, or as a PNG drawn from that SVG on a canvas (at
 * twice its size, for print). Both are downloads of a file made in the page: the desktop
 * asks where to save it, the browser saves it where it saves downloads. Nothing leaves the machine.
 */

export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('aria-hidden');
  copy.removeAttribute('class');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; it is released once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a question's words: no folders, nothing a file system refuses. */
export function chartFileName(question: string, extension: 'svg' | 'png'): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const base = question.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'chart';
  return `${base}.${extension}`;
}

export function saveSvg(svg: SVGSVGElement, fileName: string): void {
  download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), fileName);
}

export async function savePng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window cannot draw images.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The chart could not be saved as PNG.');
  download(blob, fileName);
}
