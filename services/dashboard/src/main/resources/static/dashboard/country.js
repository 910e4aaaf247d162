// The country page: one actor's partners as suppliers and as recipients, its agreements in force and pending deals,
// its dependence on its partners per five-year window (shares stacked, with the Herfindahl–Hirschman index) and its
// backlog by expected year. Charts are drawn on a canvas with text-only tooltips, as on the overview.
import {getJson} from './api.js';
import {card, dealTitle, el, money, partialDate, statusClass, words} from './format.js';

const charts = {};

function chart(node) {
    if (!charts[node.id] || charts[node.id].getDom() !== node) {
        if (charts[node.id]) {
            charts[node.id].dispose();
        }
        charts[node.id] = echarts.init(node, null, {renderer: 'canvas'});
        new ResizeObserver(() => charts[node.id].resize()).observe(node);
    }
    return charts[node.id];
}

function pairLink(code, partner, names) {
    const href = '?page=relationship&a=' + encodeURIComponent(code) + '&b=' + encodeURIComponent(partner);
    return el('a', {href, class: 'pair-link', dataset: {partner}},
        (names[partner] ? names[partner] + ' ' : ''), el('span', {class: 'code'}, partner));
}

/** Each partner's deals, units and TIV summed over the windows of a dependence answer, largest TIV first. */
function partnersOf(dependence) {
    const totals = new Map();
    for (const window of dependence.windows || []) {
        for (const p of window.partners) {
            const t = totals.get(p.partner) || {partner: p.partner, deals: 0, units: 0, tiv: 0};
            t.deals += p.deals;
            t.units += Number(p.units);
            t.tiv += Number(p.tiv);
            totals.set(p.partner, t);
        }
    }
    return [...totals.values()].sort((x, y) => y.tiv - x.tiv || y.deals - x.deals
        || x.partner.localeCompare(y.partner));
}

function partnersTable(id, title, code, partners, names) {
    if (!partners.length) {
        return el('p', {class: 'empty', id}, 'None on record.');
    }
    const total = partners.reduce((s, p) => s + p.tiv, 0);
    return el('table', {class: 'grid', id},
        el('caption', {}, title),
        el('thead', {}, el('tr', {}, ['Partner', 'Deals ordered', 'Units delivered', 'TIV delivered', 'Share of TIV']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, partners.map(p => el('tr', {dataset: {partner: p.partner}},
            el('td', {}, pairLink(code, p.partner, names)),
            el('td', {}, String(p.deals)),
            el('td', {}, p.units.toLocaleString('en', {maximumFractionDigits: 1})),
            el('td', {}, money(p.tiv, 'TIV')),
            el('td', {}, total > 0 ? (100 * p.tiv / total).toLocaleString('en', {maximumFractionDigits: 1}) + '%'
                : '—')))));
}

function agreementsList(agreements) {
    if (!agreements.length) {
        return el('p', {class: 'empty', id: 'country-agreements'}, 'No agreement in force on record.');
    }
    return el('ul', {id: 'country-agreements', class: 'plain'}, agreements.map(a => el('li', {},
        el('strong', {}, a.title), ' ', el('span', {class: 'sub'}, words(a.kind) + ', signed '
            + partialDate(a.signedOn)))));
}

function pendingTable(deals, code, names) {
    if (!deals.length) {
        return el('p', {class: 'empty', id: 'country-pending'}, 'No pending deal on record.');
    }
    return el('table', {class: 'grid', id: 'country-pending'},
        el('caption', {}, 'Pending deals'),
        el('thead', {}, el('tr', {}, ['Deal', 'Supplier → recipient', 'Stage', 'Reported']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, deals.map(d => el('tr', {dataset: {deal: d.dealId}},
            el('td', {}, dealTitle(d)),
            el('td', {}, d.supplier === code ? code : pairLink(code, d.supplier, names), ' → ',
                d.recipient === code ? code : pairLink(code, d.recipient, names)),
            el('td', {}, el('span', {class: statusClass(d.status === 'ACTIVE' ? d.stage : d.status)},
                words(d.status === 'ACTIVE' ? d.stage : d.status))),
            el('td', {}, partialDate(d.reportedOn))))));
}

/** Stacked TIV shares per window (percent), one series per partner, with the index on its own axis. */
function drawDependence(node, dependence, names) {
    const windows = dependence.windows || [];
    const labels = windows.map(w => w.from === w.to ? String(w.from) : w.from + '–' + w.to);
    const partners = partnersOf(dependence).map(p => p.partner);
    const series = partners.map(partner => ({
        name: names[partner] ? names[partner] + ' (' + partner + ')' : partner,
        type: 'bar', stack: 'share', yAxisIndex: 0,
        data: windows.map(w => {
            const p = w.partners.find(x => x.partner === partner);
            return p && p.tivShare !== null ? Math.round(Number(p.tivShare) * 1000) / 10 : 0;
        })
    }));
    series.push({
        name: 'HHI', type: 'line', yAxisIndex: 1, symbolSize: 8,
        data: windows.map(w => w.hhi)
    });
    chart(node).setOption({
        aria: {enabled: true},
        tooltip: {trigger: 'axis', renderMode: 'richText'},
        legend: {type: 'scroll', top: 0},
        grid: {left: 50, right: 60, top: 40, bottom: 30},
        xAxis: {type: 'category', data: labels},
        yAxis: [{type: 'value', name: '% of TIV', max: 100}, {type: 'value', name: 'HHI', min: 0, max: 10000}],
        series
    }, true);
}

/** Backlog TIV by expected year, the unknown year apart, to receive and to deliver. */
function drawBacklog(node, asRecipient, asSupplier) {
    const years = new Set();
    for (const b of [asRecipient, asSupplier]) {
        b.totals.byExpectedYear.forEach(y => years.add(y.year));
    }
    const labels = [...years].sort((x, y) => x - y).map(String);
    labels.push('unknown year');
    const values = b => labels.map(label => {
        if (label === 'unknown year') {
            return Number(b.totals.unknownYear.tiv);
        }
        const y = b.totals.byExpectedYear.find(x => String(x.year) === label);
        return y ? Number(y.tiv) : 0;
    });
    chart(node).setOption({
        aria: {enabled: true},
        tooltip: {trigger: 'axis', renderMode: 'richText'},
        legend: {data: ['To receive (TIV)', 'To deliver (TIV)']},
        grid: {left: 50, right: 20, bottom: 30},
        xAxis: {type: 'category', data: labels},
        yAxis: {type: 'value', name: 'TIV'},
        series: [
            {name: 'To receive (TIV)', type: 'bar', data: values(asRecipient)},
            {name: 'To deliver (TIV)', type: 'bar', data: values(asSupplier)}
        ]
    }, true);
}

export async function renderCountry(container, {code, asOf, knownAt}) {
    if (!code) {
        container.replaceChildren(el('p', {class: 'empty'}, 'Choose a country: ?page=actor&code=CHN'));
        return;
    }
    const times = {asOf, knownAt};
    const path = encodeURIComponent(code);
    const [profile, partners, imports, exports, toReceive, toDeliver] = await Promise.all([
        getJson('/api/v1/actors/' + path + '/profile', times),
        getJson('/api/v1/relationships', {party: code, size: 500, ...times}),
        getJson('/api/v1/analytics/dependence', {recipient: code, ...times}),
        getJson('/api/v1/analytics/dependence', {supplier: code, ...times}),
        getJson('/api/v1/analytics/backlog', {recipient: code, ...times}),
        getJson('/api/v1/analytics/backlog', {supplier: code, ...times})]);
    const names = {...imports.actorNames, ...exports.actorNames, ...toReceive.actorNames, ...toDeliver.actorNames};
    const name = profile.actor ? profile.actor.name : code;
    const importsTiv = (imports.windows || []).some(w => Number(w.tiv) > 0);
    const dependence = importsTiv || !(exports.windows || []).some(w => Number(w.tiv) > 0) ? imports : exports;

    const dependenceChart = el('div', {class: 'chart', id: 'country-dependence', role: 'img',
        'aria-label': 'Shares of TIV by five-year window and the concentration index'});
    const backlogChart = el('div', {class: 'chart', id: 'country-backlog', role: 'img',
        'aria-label': 'Backlog by expected year of delivery'});
    const lastHhi = dependence.trend && dependence.trend.toHhi !== null && dependence.trend.toHhi !== undefined
        ? dependence.trend.toHhi.toLocaleString('en') + (dependence.trend.direction ? ' (' + dependence.trend.direction
            + ')' : '') : '—';
    container.replaceChildren(
        el('h2', {id: 'country-name'}, name + ' ', el('span', {class: 'code'}, code)),
        el('div', {class: 'cards'},
            card('Partners', String(partners.total)),
            card('Deals as supplier', String(profile.asSupplier.deals)),
            card('Deals as recipient', String(profile.asRecipient.deals)),
            card('Pending deals', String(profile.openDeals.length)),
            card('Concentration (HHI), latest window', lastHhi, dependence === imports ? 'of its suppliers'
                : 'of its recipients'),
            card('Backlog to receive', money(toReceive.totals.all.tiv, 'TIV'),
                toReceive.totals.all.deals + ' deals')),
        el('h3', {}, 'Suppliers'),
        partnersTable('country-suppliers', 'Suppliers', code, partnersOf(imports), names),
        el('h3', {}, 'Recipients'),
        partnersTable('country-recipients', 'Recipients', code, partnersOf(exports), names),
        el('h3', {}, 'Agreements in force'),
        agreementsList(profile.agreementsInForce),
        el('h3', {}, 'Pending deals'),
        pendingTable(profile.openDeals, code, names),
        el('div', {class: 'charts'},
            el('figure', {},
                el('figcaption', {}, (dependence === imports ? 'Dependence on its suppliers'
                    : 'Its recipients\' shares') + ': each partner\'s share of the TIV delivered per five-year '
                    + 'window (by year of delivery, as SIPRI counts it), and the Herfindahl–Hirschman index '
                    + '(0–10,000)'),
                dependenceChart),
            el('figure', {},
                el('figcaption', {}, 'Backlog: TIV ordered and not yet delivered, by expected year of delivery '
                    + '(the unknown year apart)'),
                backlogChart)));
    drawDependence(dependenceChart, dependence, names);
    drawBacklog(backlogChart, toReceive, toDeliver);
}
