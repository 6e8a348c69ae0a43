import { writeFileSync } from 'node:fs';
import { noiseJtl } from './noise.js';
writeFileSync('/tmp/cmp-cli-ic29/a.jtl', noiseJtl({ seed: 1, seconds: 120, ratePerS: 100 }));
writeFileSync('/tmp/cmp-cli-ic29/b.jtl', noiseJtl({ seed: 2, seconds: 120, ratePerS: 100, shift: { label: 'MCP tools/call', factor: 1.4, errorRate: 0.05 } }));
