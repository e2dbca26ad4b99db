import { readFileSync, readdirSync } from 'node:fs';
import { parseReportText } from './src/core/report/parse-report.js';
import { extractFacts, triageFacts } from './src/core/index.js';
import { parseSecurityProfile } from './src/config/parse-security-profile.js';
const profile = (parseSecurityProfile(readFileSync('examples/security-profile.yml','utf8')) as any).value;
const texts = readdirSync('examples/reports').filter(f => f.endsWith('.md')).map(f => [f, readFileSync('examples/reports/'+f,'utf8')]);
for (let i = 0; i < 400; i++) for (const [n, t] of texts) { const p: any = parseReportText(n, t, 'markdown'); for (const r of p.value) triageFacts(r, extractFacts(r), profile); }
