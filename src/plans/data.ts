import { prop, type Template } from '../jmx/index.js';

/**
 * CSV data shipped beside the plans in plans/data/. A relative file name is resolved by JMeter
 * against the directory of the .jmx, so plans find their data from any working directory;
 * DATA_DIR (a folder) or the per-file property (a file) point elsewhere.
 */
export const DATA_DIR = prop('DATA_DIR', 'data');

/** `${__P(NAME,${__P(DATA_DIR,data)}/file)}`: the nested default must not be escaped like a literal. */
export const dataFile = (propName: string, file: string): Template => ({
  kind: 'template',
  parts: [`\${__P(${propName},`, DATA_DIR, `/${file})}`],
});

export interface DataFile {
  readonly file: string;
  readonly content: string;
}

const lines = (rows: readonly string[]): string => rows.join('\n') + '\n';

export const DATA_FILES: readonly DataFile[] = [
  {
    file: 'mcp_tools.csv',
    content: lines(['tool_name|tool_args', 'gw-health|{}']),
  },
  {
    file: 'timezones.csv',
    content: lines([
      'timezone',
      'UTC',
      'Europe/London',
      'Europe/Berlin',
      'America/New_York',
      'America/Los_Angeles',
      'Asia/Tokyo',
      'Asia/Kolkata',
      'Australia/Sydney',
    ]),
  },
  {
    file: 'messages.csv',
    content: lines([
      'message',
      'hello from JMeter',
      'load test message',
      'the quick brown fox jumps over the lazy dog',
      'ping',
      'MCP echo check',
    ]),
  },
];
