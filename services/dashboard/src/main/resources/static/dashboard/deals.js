// Deals: a filtered, sorted, paged table (Tabulator) over GET /api/v1/deals; a row opens the deal's history.
// Every column has a formatter that answers a DOM node: Tabulator puts a string a formatter answers into innerHTML.
import {getJson} from './api.js';
import {dealTitle, el, estimate, estimateTotals, partialDate, possibly, signedBy, statusClass, text,
    words} from './format.js';
import {showHistory, sourceButton} from './sources.js';
import {showProblem} from './notices.js';
import {registerBlock} from './releases.js';

const SORTS = {reportedOn: 'reportedOn', value: 'value', supplier: 'supplier', recipient: 'recipient', stage: 'stage'};

let table = null;
let current = {};

/** The deal's latest estimate in a currency: the value its row shows and sorts by. */
function latestClaim(deal, currency) {
    const claims = (deal.latestEstimates || []).filter(c => c.estimate.currency === currency);
    return claims.reduce((latest, c) => !latest || c.provenance.recordedAt > latest.provenance.recordedAt ? c : latest,
        null);
}

/** Lists carry no histories: the deal is fetched alone, at the page's times, to show its history. */
export async function showDealHistory(deal, times) {
    try {
        const full = await getJson('/api/v1/deals/' + encodeURIComponent(deal.dealId),
            {asOf: times.asOf, knownAt: times.knownAt});
        showHistory(deal.supplier + ' → ' + deal.recipient + ': ' + dealTitle(deal) + signedBy(full), full.history,
            registerBlock(full.register));
    } catch (e) {
        showProblem(e);
    }
}

/** A deal's supplier or recipient, and how that role changed hands by state succession while the deal ran. */
function actorCell(cell, role) {
    const code = cell.getValue();
    const succession = (cell.getRow().getData().succession || []).find(s => s.role === role);
    if (!succession) {
        return text(code);
    }
    return el('span', {}, code, el('div', {class: 'sub succession'}, code === succession.successor
        ? 'by succession from ' + succession.predecessor + ' since ' + partialDate(succession.on)
        : succession.successor + ' by succession since ' + partialDate(succession.on)));
}

/** The expectation a source stated last, which is the deal's schedule as now expected. */
export function latestExpectation(deal) {
    const expected = deal.expectedDeliveries || [];
    return expected[expected.length - 1];
}

/** An expected delivery as a reader says it: "2 × S-400 by Mar 2025". */
export function expectation(expected) {
    const what = (expected.quantity ? expected.quantity + ' × ' : '') + (expected.designation || 'the rest');
    const when = expected.dueFrom ? partialDate(expected.dueFrom) + ' – ' + partialDate(expected.dueBy)
        : 'by ' + partialDate(expected.dueBy);
    return what + ' ' + when;
}

function openDeal(deal) {
    showDealHistory(deal, current);
}

/** The categories a deal item may have, read from the API's own OpenAPI document. */
async function loadCategories() {
    try {
        const api = await (await fetch('/v3/api-docs')).json();
        const schemas = api.components.schemas;
        const values = new Set();
        for (const schema of Object.values(schemas)) {
            for (const [name, property] of Object.entries(schema.properties || {})) {
                if (/category/i.test(name) && property.enum) {
                    property.enum.forEach(v => values.add(v));
                }
            }
        }
        document.getElementById('categories').replaceChildren(...[...values].sort()
            .map(v => el('option', {value: v}, words(v))));
    } catch (e) {
        // the list only helps typing; any category name is still accepted
    }
}

function createTable(container) {
    table = new Tabulator(container, {
        layout: 'fitColumns',
        pagination: true,
        paginationMode: 'remote',
        paginationSize: 25,
        paginationSizeSelector: [25, 50, 100],
        sortMode: 'remote',
        ajaxURL: '/api/v1/deals',
        placeholder: 'No deal matches.',
        initialSort: [{column: 'reportedOn', dir: 'desc'}],
        ajaxRequestFunc: async (url, config, params) => {
            const sorter = (params.sort || [])[0];
            // a value sort is within the chosen currency (deals without a value in it last), never across currencies
            const answer = await getJson('/api/v1/deals', {
                ...current,
                page: params.page - 1, size: params.size,
                sort: sorter ? SORTS[sorter.field] || 'reportedOn' : 'reportedOn',
                order: sorter ? sorter.dir : 'desc'
            });
            document.getElementById('deal-totals').replaceChildren(...estimateTotals(answer));
            return {data: answer.items, last_page: Math.max(1, Math.ceil(answer.total / answer.size))};
        },
        columns: [
            {
                title: '', field: 'dealId', headerSort: false, width: 70, formatter: cell => {
                    const deal = cell.getRow().getData();
                    return el('button', {type: 'button', class: 'open', 'aria-label': 'Open history of ' + dealTitle(deal),
                        onclick: e => { e.stopPropagation(); openDeal(deal); }}, 'Open');
                }
            },
            {title: 'Supplier', field: 'supplier', width: 95, formatter: cell => actorCell(cell, 'supplier')},
            {title: 'Recipient', field: 'recipient', width: 95, formatter: cell => actorCell(cell, 'recipient')},
            {title: 'Items', field: 'items', headerSort: false,
                formatter: cell => text(dealTitle(cell.getRow().getData()))},
            {
                title: 'Stage', field: 'stage', width: 130, formatter: cell => {
                    const deal = cell.getRow().getData();
                    return el('span', {class: statusClass(deal.stage)}, words(deal.stage),
                        deal.status !== 'ACTIVE' ? ' · ' + words(deal.status) : '', possibly(deal),
                        notificationAge(deal));
                }
            },
            {title: 'Reported', field: 'reportedOn', width: 110, formatter: cell => text(partialDate(cell.getValue()))},
            {
                title: 'Expected', field: 'expectedDeliveries', headerSort: false, width: 150, formatter: cell => {
                    const expected = latestExpectation(cell.getRow().getData());
                    return expected ? el('span', {class: 'expected'}, expectation(expected), ' ',
                        sourceButton(expected.provenance, 'the expected delivery')) : text('—');
                }
            },
            {
                title: 'Latest estimate in the currency', field: 'value', formatter: cell => {
                    const deal = cell.getRow().getData();
                    const claim = latestClaim(deal, current.currency);
                    if (claim) {
                        return el('span', {}, estimate(claim.estimate), ' ',
                            sourceButton(claim.provenance, estimate(claim.estimate)));
                    }
                    const others = [...new Set((deal.latestEstimates || []).map(c => c.estimate.currency))];
                    return el('span', {class: 'sub'}, '— in ' + current.currency,
                        others.length ? ' (has ' + others.join(', ') + ')' : '');
                }
            },
            {title: 'Sources', field: 'sources', headerSort: false, width: 85,
                formatter: cell => text((cell.getValue() || []).length)}
        ]
    });
    table.on('dataLoadError', showProblem);
    table.on('rowClick', (e, row) => {
        if (!e.target.closest('button')) {
            openDeal(row.getData());
        }
    });
}

/** Filters from the form, with the page's times; values the API expects in capitals are written so. */
function filtersOf(form, times) {
    const data = Object.fromEntries(new FormData(form).entries());
    const code = v => (v || '').trim().substring(0, 3).toUpperCase();
    return {
        status: data.status, supplier: code(data.supplier), recipient: code(data.recipient),
        category: (data.category || '').trim().toUpperCase().replaceAll(' ', '_'),
        minValue: data.minValue, maxValue: data.maxValue,
        currency: (data.currency || 'USD').toUpperCase(), asOf: times.asOf, knownAt: times.knownAt
    };
}

export function renderDeals(container, form, times) {
    current = filtersOf(form, times);
    if (!table) {
        loadCategories();
        createTable(container);
    } else {
        table.setData();
    }
}

/** How long a notified sale has stood notified, after its notification's number: "20-23, 2430 days". */
function notificationAge(deal) {
    const age = deal.notificationAge;
    if (!age) {
        return '';
    }
    const span = age.days !== undefined ? age.days + (age.days === 1 ? ' day' : ' days')
        : age.years + (age.years === 1 ? ' year' : ' years');
    const number = deal.notification && deal.notification.number ? deal.notification.number + ', ' : '';
    return el('span', {class: 'sub notification-age', title: 'notified to '
        + ((deal.notification && deal.notification.notifiedTo) || 'a legislature') + ' on '
        + partialDate(deal.notifiedOn)}, ' (' + number + span + ')');
}
