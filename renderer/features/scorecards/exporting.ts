/** Saves text as a file from the renderer (browser host and Electron alike). */
import { csvTable, type CsvValue } from '../../../shared/domain/csv';
import { downloadBlob } from '../../lib/download';

export function downloadCsv(rows: CsvValue[][], fileName: string) {
  downloadBlob(new Blob([csvTable(rows)], { type: 'text/csv;charset=utf-8' }), fileName.replace(/[\\/:*?"<>|]+/g, ' ').trim() + '.csv');
}
