import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import type { TextValue } from '../props.js';

export type ShareMode = 'shareMode.all' | 'shareMode.group' | 'shareMode.thread';

export interface CsvDataSet {
  readonly kind: 'csvDataSet';
  readonly name: string;
  /** A relative name is resolved by JMeter against the directory of the .jmx file. */
  readonly filename: TextValue;
  readonly variableNames: readonly string[];
  readonly delimiter: string;
  readonly ignoreFirstLine: boolean;
  readonly quotedData: boolean;
  readonly shareMode: ShareMode;
}

export const csvDataSet = (
  name: string,
  o: { filename: TextValue; variableNames: readonly string[]; delimiter?: string; ignoreFirstLine?: boolean;
    quotedData?: boolean; shareMode?: ShareMode },
): CsvDataSet => ({
  kind: 'csvDataSet',
  name,
  filename: o.filename,
  variableNames: o.variableNames,
  delimiter: o.delimiter ?? ',',
  ignoreFirstLine: o.ignoreFirstLine ?? true,
  quotedData: o.quotedData ?? false,
  shareMode: o.shareMode ?? 'shareMode.all',
});

export const csvDataSetNode = (c: CsvDataSet): Leaf =>
  leaf('CSVDataSet', 'TestBeanGUI', c.name, [
    stringProp('delimiter', c.delimiter),
    stringProp('fileEncoding', 'UTF-8'),
    stringProp('filename', c.filename),
    boolProp('ignoreFirstLine', c.ignoreFirstLine),
    boolProp('quotedData', c.quotedData),
    boolProp('recycle', true),
    stringProp('shareMode', c.shareMode),
    boolProp('stopThread', false),
    stringProp('variableNames', c.variableNames.join(',')),
  ]);
