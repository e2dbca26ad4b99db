import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';

const settings = ['early data', '0-rtt', 'max_early_data_size'];

function enabledOf(markdown: string): string[] {
  return extractFacts(buildTestReport(markdown), { profileSettings: settings })
    .filter((fact) => fact.kind === 'requires-config')
    .map((fact) => `${fact.value}/${fact.actor ?? ''}`);
}

describe('settings the profile names, switched on in running text', () => {
  it.each([
    ['To cut latency we turned on TLS 1.3 early data on the frontend.', ['early data/user']],
    ['Um die Latenz zu senken, haben wir TLS 1.3 Early Data eingeschaltet.', ['early data/user']],
    ['El servidor tiene 0-RTT activado para la API de pagos.', ['0-rtt/user']],
    ['Nous avons activé le 0-RTT sur le serveur.', ['0-rtt/user']],
  ])('%s', (text, expected) => {
    expect(enabledOf(text)).toEqual(expected);
  });

  it('reads nothing denied, nothing without a verb, and nothing across a sentence break', () => {
    expect(enabledOf('The replay works even without early data enabled.')).toEqual([]);
    expect(enabledOf('Early data is not enabled on our servers.')).toEqual([]);
    expect(enabledOf('The KeyUpdate limit is unrelated to early data.')).toEqual([]);
    expect(enabledOf('We read about early data. Then we enabled logging.')).toEqual([]);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(() => enabledOf(`${text} enabled early data`)).not.toThrow();
      }),
    );
  });
});
