import assert from 'node:assert/strict';
import { barRows, columns, grid } from '../../src/report/plots';
import { fitted, ticks } from '../../src/report/svg';

const SERIES = [
  { label: 'first', colour: '#0072B2' },
  { label: 'second', colour: '#D55E00' },
];

/** The rects that carry a tooltip (the marks), as numbers. */
function marks(svg: string) {
  return [
    ...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)"><title>([^<]*)<\/title>/g),
  ].map(([, x, y, width, height, fill, title]) => ({
    x: Number(x),
    y: Number(y),
    width: Number(width),
    height: Number(height),
    fill,
    title,
  }));
}

describe("the report's charts, drawn as SVG", () => {
  it("stacks a row's segments end to end, each as long as its value on the shared axis", () => {
    const svg = barRows(
      [
        {
          label: 'Legal',
          segments: [
            { series: 0, value: 2, tooltip: 'legal first 2' },
            { series: 1, value: 3, tooltip: 'legal second 3' },
          ],
        },
        { label: 'SME', segments: [{ series: 0, value: 1, tooltip: 'sme first 1' }] },
      ],
      { width: 500, labelLimit: 200, rowHeight: 20, axisTitle: 'Open reviews', series: SERIES },
    );
    const [legalFirst, legalSecond, smeFirst] = marks(svg);
    assert.equal(legalFirst.width, 2 * smeFirst.width, 'value 2 is twice value 1');
    assert.equal(legalSecond.x, legalFirst.x + legalFirst.width, 'the second segment starts where the first ends');
    assert.equal(legalSecond.fill, '#D55E00');
    assert.equal(legalFirst.x, smeFirst.x, 'rows start at one baseline');
    assert.ok(smeFirst.y > legalFirst.y, 'rows in their order, top down');
    assert.match(svg, /<text[^>]*>Open reviews<\/text>/);
    assert.match(svg, /<text[^>]*>second<\/text>/, 'the legend names each series');
  });

  it('draws a target as a tick across its bar, on the same scale', () => {
    const svg = barRows(
      [{ label: 'Module', segments: [{ series: 1, value: 10, tooltip: 'grade 10' }], marker: { value: 5, tooltip: 'target 5' } }],
      {
        width: 400,
        labelLimit: 200,
        rowHeight: 20,
        axisTitle: 'Grade',
        series: SERIES,
      },
    );
    const [bar] = marks(svg);
    const tick = /<line x1="([\d.]+)"[^>]*stroke="black" stroke-width="3"\/><title>target 5<\/title>/.exec(svg);
    assert.ok(tick, 'the tick has its tooltip');
    assert.equal(Number(tick[1]), bar.x + bar.width / 2);
  });

  it('stacks columns from the bottom up', () => {
    const svg = columns(
      [
        {
          label: '0–7',
          segments: [
            { series: 0, value: 4, tooltip: 'on time 4' },
            { series: 1, value: 4, tooltip: 'late 4' },
          ],
        },
      ],
      { width: 300, height: 160, labelLimit: 200, axisTitle: 'Open reviews', labelTitle: 'Days waiting', series: SERIES },
    );
    const [onTime, late] = marks(svg);
    assert.equal(onTime.height, late.height);
    assert.equal(late.y + late.height, onTime.y, 'the second part sits on the first');
  });

  it('colours each cell of a grid by its series', () => {
    const svg = grid(
      [
        {
          label: 'Module',
          cells: [
            { series: 1, value: 1, tooltip: 'a' },
            { series: 0, value: 1, tooltip: 'b' },
          ],
        },
      ],
      ['Objectives', 'Practice'],
      { cellWidth: 84, rowHeight: 22, labelLimit: 200, series: SERIES },
    );
    assert.deepEqual(
      marks(svg).map((cell) => [cell.fill, cell.title]),
      [
        ['#D55E00', 'a'],
        ['#0072B2', 'b'],
      ],
    );
    assert.match(svg, />Objectives<\/text>/);
  });

  it('escapes titles from lessons: markup stays text', () => {
    const svg = barRows([{ label: '</svg><script>x()</script> & "q"', segments: [{ series: 0, value: 1, tooltip: '<b>t</b>' }] }], {
      width: 300,
      labelLimit: 600,
      rowHeight: 20,
      axisTitle: 'n',
      series: SERIES,
    });
    assert.doesNotMatch(svg, /<script>|<b>/);
    assert.match(svg, /&lt;\/svg&gt;&lt;script&gt;x\(\)&lt;\/script&gt; &amp; &quot;q&quot;/);
  });

  it('cuts a long label with an ellipsis, and counts whole steps on its axes', () => {
    assert.equal(fitted('short', 200), 'short');
    const cut = fitted('A very long module title that goes on and on past its room', 100);
    assert.ok(cut.endsWith('…') && cut.length < 20, cut);
    assert.deepEqual(ticks(3), [0, 1, 2, 3]);
    assert.deepEqual(ticks(17), [0, 5, 10, 15, 20]);
    assert.deepEqual(ticks(0), [0, 1]);
    assert.ok(ticks(12.4).every(Number.isInteger));
  });
});
