// Small helpers shared by the pages: building elements and writing Dyad's values for a reader.
//
// Every value the API answers is put on the page as text: through el() (DOM text nodes and attributes set one by
// one) or text(). Nothing is ever written as markup (no innerHTML, no HTML strings handed to a library), so stored
// text that looks like markup is shown as it was written.

/** Creates an element: el('td', {class: 'x', onclick: f}, 'text', child, ...). */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.substring(2), value);
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/** A value for a reader: a missing one (null, undefined, empty, not a number) is "—", never "null". */
export function shown(value) {
    if (value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value))) {
        return '—';
    }
    return value;
}

/** A figure card: its label, its value (a missing one shown as "—") and, if any, a note under it. */
export function card(label, value, note) {
    return el('div', {class: 'card'}, el('span', {class: 'label'}, label), el('span', {class: 'value'}, shown(value)),
        note ? el('span', {class: 'note'}, note) : null);
}

/** An event type for a reader: "DealReported" → "Deal reported". */
export function eventLabel(type) {
    if (!type) {
        return '';
    }
    const spaced = String(type).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return spaced.charAt(0).toUpperCase() + spaced.substring(1);
}

/** A field name for a reader: "reportedOn" → "reported on", "ARMS_TRADE" → "arms trade". */
export function fieldLabel(name) {
    return name ? String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replaceAll('_', ' ') : '';
}

/** A text node, for libraries that take a DOM node (a Tabulator cell): never markup. */
export function text(value) {
    return document.createTextNode(value === null || value === undefined ? '' : String(value));
}

/** A link target only when it is an http(s) URL: never javascript:, data: or anything else a browser would run. */
export function webUrl(url) {
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
        return null;
    }
}

const knownActors = new Map();
let actorsKnown;
const actorsLoaded = new Promise(resolve => {
    actorsKnown = resolve;
});

/** Keeps the actor list (GET /api/v1/actors) so that codes can be shown with names. */
export function rememberActors(actors) {
    knownActors.clear();
    (actors || []).forEach(a => knownActors.set(a.code, a));
    actorsKnown();
}

/**
 * An actor's display name: from the answer's own {@code actorNames} map when it has one, else from the actor list;
 * undefined when neither knows the code.
 */
export function actorName(code, actorNames) {
    return (actorNames && actorNames[code]) || (knownActors.get(code) || {}).name;
}

/** A code as a reader reads it: "China (CHN)"; the code alone when no name is known. */
export function actorLabel(code, actorNames) {
    if (!code) {
        return '';
    }
    const name = actorName(code, actorNames);
    return name && name !== code ? name + ' (' + code + ')' : code;
}

// --- downloads ---

/** Saves a file the browser already holds (a data: or blob: URL) under a name. */
export function saveFile(href, fileName) {
    const link = el('a', {href, download: fileName, class: 'download-link', hidden: true});
    document.body.append(link);
    link.click();
    link.remove();
}

/** Rows of cells as CSV (RFC 4180: every field quoted, quotes doubled, CRLF line ends). */
export function csv(rows) {
    return rows.map(row => row.map(cell => '"' + String(cell === null || cell === undefined ? '' : cell)
        .replaceAll('"', '""') + '"').join(',')).join('\r\n') + '\r\n';
}

/** The rows a table shows (its header row first), each cell's text with its white space collapsed. */
export function tableRows(table) {
    return [...table.querySelectorAll('tr')].map(tr => [...tr.querySelectorAll('th, td')]
        .map(cell => cell.textContent.replace(/\s+/g, ' ').trim()));
}

/** A button that downloads the rows a table shows as CSV, generated in the browser. */
export function csvButton(table, fileName, label = 'Download CSV') {
    return el('button', {
        type: 'button', class: 'download', 'aria-label': label + ' — ' + fileName,
        onclick: () => {
            const url = URL.createObjectURL(new Blob([csv(tableRows(table))], {type: 'text/csv;charset=utf-8'}));
            saveFile(url, fileName);
            setTimeout(() => URL.revokeObjectURL(url), 60000);
        }
    }, label);
}

/** A table with its download button above it, scrolling sideways inside itself when it is wider than the page. */
export function downloadableTable(table, fileName) {
    return el('div', {class: 'table-block'}, el('div', {class: 'table-tools'}, csvButton(table, fileName)),
        el('div', {class: 'scroll-x'}, table));
}

/** The signer of a deal as a text element, named as soon as the actor list is loaded; null for no signer. */
export function signedByElement(deal) {
    if (!deal || !deal.signedBy) {
        return null;
    }
    const element = el('span', {class: 'signed-by'}, signedBy(deal));
    if (!knownActors.has(deal.signedBy)) {
        actorsLoaded.then(() => {
            element.textContent = signedBy(deal);
        });
    }
    return element;
}

/**
 * Who signed a deal for its supplier or recipient, as " · signed by Rosoboronexport (RUS)": the company's or
 * agency's name and the state it belongs to; its code alone while the actor list is not loaded; nothing when the
 * deal names no signer.
 */
export function signedBy(deal) {
    if (!deal || !deal.signedBy) {
        return '';
    }
    const signer = knownActors.get(deal.signedBy);
    return ' · signed by ' + (signer ? signer.name + (signer.belongsTo ? ' (' + signer.belongsTo + ')' : '')
        : deal.signedBy);
}

/** "ARMS_TRADE" → "arms trade"; "IN_FORCE" → "in force". */
export function words(code) {
    return code ? String(code).toLowerCase().replaceAll('_', ' ') : '';
}

/**
 * What a record may already be on the date asked about, when a fact dated only imprecisely may be in effect
 * ("possibly cancelled, 2015"); nothing otherwise.
 */
export function possibly(record) {
    const maybe = record && record.possibly;
    if (!maybe) {
        return '';
    }
    return el('span', {class: 'possibly', title: 'a fact dated ' + maybe.since + ' may already be in effect'},
        ' · possibly ', words(maybe.standing || maybe.status), maybe.since ? ', ' + partialDate(maybe.since) : '');
}

/** A partial date as written ("2001", "2001-03", "~2000-11") for a reader: "c. Nov 2000". */
export function partialDate(text) {
    if (!text) {
        return '—';
    }
    const approximate = text.startsWith('~');
    const [year, month, day] = text.replace('~', '').split('-');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const written = [day ? String(Number(day)) : null, month ? months[Number(month) - 1] : null, year]
        .filter(Boolean).join(' ');
    return (approximate ? 'c. ' : '') + written;
}

const SCALE = [[1e9, ' billion'], [1e6, ' million']];

/** 7000000000 USD → "$7 billion"; TIV values are SIPRI's millions. */
export function money(amount, currency) {
    if (amount === null || amount === undefined) {
        return '—';
    }
    const value = Number(amount);
    if (currency === 'TIV') {
        return value.toLocaleString('en', {maximumFractionDigits: 1}) + ' TIV';
    }
    const symbol = {USD: '$', EUR: '€', GBP: '£'}[currency];
    for (const [size, name] of SCALE) {
        if (value >= size) {
            const scaled = (value / size).toLocaleString('en', {maximumFractionDigits: 2});
            return symbol ? symbol + scaled + name : scaled + name + ' ' + currency;
        }
    }
    const plain = value.toLocaleString('en', {maximumFractionDigits: 2});
    return symbol ? symbol + plain : plain + ' ' + currency;
}

const QUALIFIERS = {
    EXACT: '', ABOUT: 'about ', AT_LEAST: 'at least ', AT_MOST: 'at most ', UP_TO: 'up to ',
    COULD_REACH: 'could reach ', MORE_THAN: 'more than ', LESS_THAN: 'less than '
};

/** An estimate as its source put it: "could reach $7 billion", "$1–2 billion". */
export function estimate(e) {
    const qualifier = QUALIFIERS[e.qualifier] ?? words(e.qualifier) + ' ';
    const value = e.amount !== null && e.amount !== undefined ? money(e.amount, e.currency)
        : money(e.low, e.currency) + ' – ' + money(e.high, e.currency);
    return qualifier + value + (e.basis && e.basis !== 'CURRENT' && e.basis !== 'TIV' ? ' (' + words(e.basis) + ')'
        : '');
}

/**
 * An answer's estimate totals as nodes: one per currency and basis, each with the deals it covers and the standing
 * deals without an estimate in its currency, then the deals left out (cancelled, superseded). TIV is its own unit.
 */
export function estimateTotals(answer) {
    const nodes = [];
    for (const t of answer.estimateTotals || []) {
        const sum = t.low === t.high ? money(t.high, t.currency)
            : money(t.low, t.currency) + ' – ' + money(t.high, t.currency);
        const basis = t.basis !== 'CURRENT' && t.basis !== 'TIV' ? ' (' + words(t.basis) + ')' : '';
        const covers = t.deals + (t.deals === 1 ? ' deal' : ' deals')
            + (t.dealsWithoutEstimate ? '; ' + t.dealsWithoutEstimate + ' without a ' + t.currency + ' value' : '');
        if (nodes.length) {
            nodes.push(' · ');
        }
        nodes.push(el('span', {class: 'total', 'data-currency': t.currency, 'data-unit': t.unit},
            sum + basis, el('span', {class: 'sub'}, ' (' + covers + ')')));
    }
    const left = Object.entries(answer.dealsNotTotalled || {});
    if (left.length) {
        nodes.push(el('span', {class: 'sub not-totalled'}, (nodes.length ? ' · ' : '') + 'not counted: '
            + left.map(([status, n]) => n + ' ' + words(status).toLowerCase()).join(', ')));
    }
    return nodes;
}

/** A CSS-friendly class for a status or stage. */
export function statusClass(status) {
    return 'status status-' + String(status || '').toLowerCase().replaceAll('_', '-');
}

/** A deal as a reader names it: its items' designations. */
export function dealTitle(deal) {
    return (deal.items || []).map(i => i.designation || i.description).filter(Boolean).join(', ') || deal.dealId;
}
