import { neutraliseFormula, toCsv } from '../csv';

describe('CSV output', () => {
  it('prefixes every cell a spreadsheet would evaluate with a quote (OWASP CSV injection)', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Referral', '1-2', 'a=b', '', ' =x']) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('neutralises text cells, quotes what needs quoting and leaves numbers alone', () => {
    expect(toCsv([{ name: '=cmd|"/c calc"!A0', score: -1.5, note: '\tx' }])).toBe(
      `name,score,note\n"'=cmd|""/c calc""!A0",-1.5,'\tx\n`,
    );
    expect(toCsv([])).toBe('');
  });
});
