// Overview: the whole record at a glance, charted with Apache ECharts. Each chart carries a description built from its
// figures for screen readers (ECharts' aria label) and a button that saves it as a PNG image.
// Charts are drawn on a canvas and their tooltips too (renderMode 'richText'): ECharts' HTML tooltips would put their
// text, and a formatter's answer, into innerHTML.
import {getJson} from './api.js';
import {actorLabel, card, el, money, saveFile, words} from './format.js';

const charts = {};

/** The chart drawn in the element with the id, made once, with its PNG download button after its caption. */
function chart(id) {
    const node = document.getElementById(id);
    if (!charts[id]) {
        charts[id] = echarts.init(node, null, {renderer: 'canvas'});
        new ResizeObserver(() => charts[id].resize()).observe(node);
        const caption = node.closest('figure').querySelector('figcaption');
        caption.after(el('button', {
            type: 'button', class: 'download', 'aria-label': 'Download PNG — ' + caption.textContent.trim(),
            onclick: () => saveFile(charts[id].getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'}),
                id.replace('chart-', '') + '.png')
        }, 'Download PNG'));
    }
    return charts[id];
}

/** A number for a sentence: "1,234"; a missing one is "no figure", never "NaN". */
function figure(value, digits = 1) {
    const number = Number(value);
    return value === null || value === undefined || !Number.isFinite(number) ? 'no figure'
        : number.toLocaleString('en', {maximumFractionDigits: digits});
}

/** What a screen reader says for a chart: ECharts' aria label, with the description given. */
function described(description) {
    return {enabled: true, label: {enabled: true, description}};
}

function yearsDescription(years) {
    if (!years.length) {
        return 'Deals, agreements and TIV by year: no year on record.';
    }
    const top = years.reduce((best, y) => Number(y.tiv) > Number(best.tiv) ? y : best, years[0]);
    const deals = years.reduce((sum, y) => sum + (Number(y.deals) || 0), 0);
    return 'Deals reported, agreements signed and SIPRI TIV (millions) by year, ' + years[0].year + ' to '
        + years[years.length - 1].year + ': ' + figure(deals, 0) + ' deals in all; the most TIV in ' + top.year
        + ', ' + figure(top.tiv) + ' TIV. By year: ' + years.map(y => y.year + ': ' + figure(y.deals, 0)
            + ' deals, ' + figure(y.agreementsSigned, 0) + ' agreements, ' + figure(y.tiv) + ' TIV').join('; ') + '.';
}

function flowsDescription(flows, actorNames) {
    if (!flows.length) {
        return 'Largest supplier to recipient flows: none on record.';
    }
    return 'Largest supplier to recipient flows, largest first: ' + flows.map(f => actorLabel(f.supplier, actorNames)
        + ' → ' + actorLabel(f.recipient, actorNames) + ': ' + figure(f.tiv) + ' TIV, ' + figure(f.deals, 0)
        + (Number(f.deals) === 1 ? ' deal' : ' deals')).join('; ') + '.';
}

function countsDescription(title, entries) {
    const total = entries.reduce((sum, [, count]) => sum + (Number(count) || 0), 0);
    return title + ', ' + figure(total, 0) + ' in all' + (entries.length ? ': ' + entries.map(([name, count]) =>
        name + ' ' + figure(count, 0)).join('; ') : '') + '.';
}

export async function renderOverview(section, times, onFlow) {
    const overview = await getJson('/api/v1/overview', {asOf: times.asOf, knownAt: times.knownAt, flows: 25});
    section.querySelector('.approximate').hidden = !overview.approximate;
    document.getElementById('overview-cards').replaceChildren(
        card('Deals on record', overview.deals.toLocaleString('en')),
        card('Pending deals', overview.pendingDeals.toLocaleString('en')),
        card('Agreements', overview.agreements.toLocaleString('en')),
        card('SIPRI TIV delivered, all years', money(overview.byYear.reduce((s, y) => s + Number(y.tiv), 0), 'TIV')));

    const years = overview.byYear;
    chart('chart-years').setOption({
        aria: described(yearsDescription(years)),
        tooltip: {trigger: 'axis', renderMode: 'richText'},
        legend: {data: ['Deals reported', 'Agreements signed', 'TIV delivered (millions)']},
        grid: {left: 50, right: 60, bottom: 60},
        dataZoom: [{type: 'inside'}, {type: 'slider', height: 18, bottom: 8}],
        xAxis: {type: 'category', data: years.map(y => String(y.year))},
        yAxis: [{type: 'value', name: 'records', minInterval: 1}, {type: 'value', name: 'TIV'}],
        series: [
            {name: 'Deals reported', type: 'bar', data: years.map(y => y.deals)},
            {name: 'Agreements signed', type: 'bar', data: years.map(y => y.agreementsSigned)},
            // TIV by year of delivery, as SIPRI's tables count it; not smoothed, so a year reads as SIPRI's does
            {name: 'TIV delivered (millions)', type: 'line', yAxisIndex: 1, data: years.map(y => Number(y.tiv))}
        ]
    }, true);

    // Suppliers on the left, recipients on the right: an actor on both sides is two nodes, so no cycle.
    const flows = overview.flows;
    const byTiv = flows.some(f => Number(f.tiv) > 0);
    const nodes = new Map();
    flows.forEach(f => {
        nodes.set(f.supplier + ' ▸', {name: f.supplier + ' ▸', depth: 0});
        nodes.set('▸ ' + f.recipient, {name: '▸ ' + f.recipient, depth: 1});
    });
    chart('chart-flows').setOption({
        aria: described(flowsDescription(flows, overview.actorNames)),
        tooltip: {
            renderMode: 'richText',
            formatter: p => p.dataType === 'edge'
                ? actorLabel(p.data.flow.supplier, overview.actorNames) + ' → '
                + actorLabel(p.data.flow.recipient, overview.actorNames) + ': ' + p.data.flow.deals + ' deals, '
                + money(p.data.flow.tiv, 'TIV') : p.name
        },
        series: [{
            type: 'sankey', left: 10, right: 60, nodeGap: 6, emphasis: {focus: 'adjacency'},
            lineStyle: {color: 'gradient', opacity: 0.45},
            data: [...nodes.values()],
            links: flows.map(f => ({
                source: f.supplier + ' ▸', target: '▸ ' + f.recipient, flow: f,
                value: byTiv ? Math.max(Number(f.tiv), 0.1) : f.deals
            }))
        }]
    }, true);
    chart('chart-flows').off('click');
    chart('chart-flows').on('click', p => {
        if (p.dataType === 'edge') {
            onFlow(p.data.flow.supplier, p.data.flow.recipient);
        }
    });

    chart('chart-agreements').setOption({
        aria: described(countsDescription('Agreements by status',
            overview.agreementsByStatus.map(s => [words(s.status), s.agreements]))),
        tooltip: {trigger: 'item', renderMode: 'richText'},
        series: [{
            type: 'pie', radius: ['35%', '70%'],
            data: overview.agreementsByStatus.map(s => ({name: words(s.status), value: s.agreements}))
        }]
    }, true);
    chart('chart-stages').setOption({
        aria: described(countsDescription('Deals by stage', overview.dealsByStage.map(s => [words(s.stage), s.deals]))),
        tooltip: {trigger: 'axis', renderMode: 'richText'},
        grid: {left: 100, right: 20, top: 10, bottom: 30},
        xAxis: {type: 'value', minInterval: 1},
        yAxis: {type: 'category', data: overview.dealsByStage.map(s => words(s.stage))},
        series: [{type: 'bar', data: overview.dealsByStage.map(s => s.deals)}]
    }, true);
}
