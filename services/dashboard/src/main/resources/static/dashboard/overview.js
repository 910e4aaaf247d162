// Overview: the whole record at a glance, charted with Apache ECharts.
// Charts are drawn on a canvas and their tooltips too (renderMode 'richText'): ECharts' HTML tooltips would put their
// text, and a formatter's answer, into innerHTML.
import {getJson} from './api.js';
import {card, money, words} from './format.js';

const charts = {};

function chart(id) {
    const node = document.getElementById(id);
    if (!charts[id]) {
        charts[id] = echarts.init(node, null, {renderer: 'canvas'});
        new ResizeObserver(() => charts[id].resize()).observe(node);
    }
    return charts[id];
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
        aria: {enabled: true},
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
        aria: {enabled: true},
        tooltip: {
            renderMode: 'richText',
            formatter: p => p.dataType === 'edge'
                ? p.data.flow.supplier + ' → ' + p.data.flow.recipient + ': ' + p.data.flow.deals + ' deals, '
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
        aria: {enabled: true},
        tooltip: {trigger: 'item', renderMode: 'richText'},
        series: [{
            type: 'pie', radius: ['35%', '70%'],
            data: overview.agreementsByStatus.map(s => ({name: words(s.status), value: s.agreements}))
        }]
    }, true);
    chart('chart-stages').setOption({
        aria: {enabled: true},
        tooltip: {trigger: 'axis', renderMode: 'richText'},
        grid: {left: 100, right: 20, top: 10, bottom: 30},
        xAxis: {type: 'value', minInterval: 1},
        yAxis: {type: 'category', data: overview.dealsByStage.map(s => words(s.stage))},
        series: [{type: 'bar', data: overview.dealsByStage.map(s => s.deals)}]
    }, true);
}
