/** Saves text as a file from the renderer (browser host and Electron alike). */
import { csvTable, type CsvValue } from '../../../shared/domain/csv';

export function downloadCsv(rows: CsvValue[][], fileName: string) {
  const url = URL.createObjectURL(new Blob([csvTable(rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.replace(/[\\/:*?"<>|]+/g, ' ').trim() + '.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
