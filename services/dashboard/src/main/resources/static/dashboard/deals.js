// Deals: a filtered, sorted, paged table (Tabulator) over GET /api/v1/deals; a row opens the deal's history.
// Every column has a formatter that answers a DOM node: Tabulator puts a string a formatter answers into innerHTML.
import {getJson} from './api.js';
import {actorLabel, dealTitle, el, estimate, estimateTotals, partialDate, possibly, signedBy, statusClass, text,
    words} from './format.js';
import {showHistory, sourceButton} from './sources.js';
import {showProblem} from './notices.js';
import {registerBlock} from './releases.js';

const SORTS = {reportedOn: 'reportedOn', value: 'value', supplier: 'supplier', recipient: 'recipient', stage: 'stage'};

let table = null;
let current = {};
let onPageShown = () => {};
let tableBuilt = null;

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
        showHistory(actorLabel(deal.supplier) + ' → ' + actorLabel(deal.recipient) + ': ' + dealTitle(deal) + signedBy(full), full.history,
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
        return text(actorLabel(code));
    }
    return el('span', {}, actorLabel(code), el('div', {class: 'sub succession'}, code === succession.successor
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

function createTable(container, page) {
    table = new Tabulator(container, {
        layout: 'fitColumns',
        pagination: true,
        paginationMode: 'remote',
        paginationInitialPage: page,
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
            {title: 'Supplier', field: 'supplier', width: 120, formatter: cell => actorCell(cell, 'supplier')},
            {title: 'Recipient', field: 'recipient', width: 120, formatter: cell => actorCell(cell, 'recipient')},
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
    tableBuilt = new Promise(resolve => table.on('tableBuilt', resolve));
    table.on('dataLoadError', showProblem);
    table.on('dataProcessed', () => {
        const page = table.getPage();
        container.dataset.page = String(page);
        onPageShown(page);
    });
    table.on('rowClick', (e, row) => {
        if (!e.target.closest('button')) {
            openDeal(row.getData());
        }
    });
}

/** The tidy CSV export of every deal the filters select (not only the page shown), at the page's times. */
function exportUrl(filters) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) {
        if (value !== null && value !== undefined && value !== '') {
            query.append(name, value);
        }
    }
    return '/api/v1/exports/deals.csv?' + query;
}

/**
 * Shows one page (counted from 1) of the deals the filters select, at the page's times. The table is made once and
 * kept: showing it again (a live update, Back) reloads the page asked for in the sort the reader chose.
 *
 * @param onPage called with the page number whenever the table shows a page, for the URL
 * @return settles once the table is built, or once the page asked for is shown
 */
export function renderDeals(container, filters, times, page, onPage) {
    current = {...filters, asOf: times.asOf, knownAt: times.knownAt};
    onPageShown = onPage;
    const download = document.getElementById('deals-download');
    if (download) {
        download.href = exportUrl(current);
    }
    if (!table) {
        loadCategories();
        createTable(container, page);
        return tableBuilt;
    }
    return tableBuilt.then(() => table.setPage(page));
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
