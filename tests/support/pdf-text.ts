import { extractText } from 'unpdf';

/** The text of every page of `pdf`, one string. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  // A copy: pdf.js rejects a Node Buffer and detaches the array it is given.
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return text;
}
