// SIPRI's releases: the releases on record (GET /api/v1/sipri/releases), the picker that reads every page as a
// release said it (the release's knownFrom as knownAt), and what changed between two releases
// (GET /api/v1/sipri/releases/{from}/changes/{to}), cell by cell.
import {getJson} from './api.js';
import {actorLabel, downloadableTable, el} from './format.js';
import {showActorIn} from './actors.js';

let releases = null;

/** The releases on record, newest first; fetched once per sign-in, again after an import. */
export async function loadReleases(fresh = false) {
    if (!releases || fresh) {
        releases = (await getJson('/api/v1/sipri/releases')).releases || [];
    }
    return releases;
}

export function forgetReleases() {
    releases = null;
}

/** The release whose import the given knownAt is the moment of, or undefined. */
export function releaseKnownAt(knownAt) {
    return (releases || []).find(r => r.knownFrom && sameInstant(r.knownFrom, knownAt));
}

function sameInstant(a, b) {
    return Boolean(a && b) && Date.parse(a) === Date.parse(b);
}

/** Fills the picker with the releases; the option of the release the page is read at is selected. */
export function fillReleasePicker(select, knownAt) {
    const current = releaseKnownAt(knownAt);
    select.replaceChildren(el('option', {value: ''}, 'everything known'),
        ...(releases || []).map(r => el('option', {value: r.releaseId, selected: current === r},
            'SIPRI ' + r.releasedOn)));
    select.disabled = !(releases || []).length;
}

/** The knownAt that reads the register as the chosen release said it. */
export function knownAtOfRelease(releaseId) {
    const release = (releases || []).find(r => r.releaseId === releaseId);
    return release ? release.knownFrom : '';
}

function countsText(counts) {
    if (!counts) {
        return '';
    }
    return ['imported', 'revised', 'unchanged', 'dropped', 'ambiguous', 'refused', 'repaired']
        .filter(name => counts[name]).map(name => counts[name] + ' ' + name).join(', ') || 'no rows';
}

function releasesTable(list) {
    return downloadableTable(el('table', {class: 'releases'},
        el('caption', {}, 'Releases of SIPRI\'s trade register on record'),
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Release'), el('th', {scope: 'col'}, 'Rows listed'),
            el('th', {scope: 'col'}, 'Known from'), el('th', {scope: 'col'}, 'Imports'))),
        el('tbody', {}, list.map(r => el('tr', {},
            el('th', {scope: 'row'}, r.releasedOn),
            el('td', {class: 'number'}, r.rows === undefined || r.rows === null ? '' : String(r.rows)),
            el('td', {}, (r.knownFrom || '').replace('T', ' ').replace('Z', ' UTC')),
            el('td', {}, (r.imports || []).map(i => el('div', {},
                (i.fileName || 'file') + ' (' + (i.charset || '') + ', SHA-256 ' + (i.fileSha256 || '').substring(0, 12)
                + '…): ' + countsText(i.counts)))))))), 'sipri-releases.csv');
}

function rowText(row) {
    if (!row) {
        return '';
    }
    return [row.recipient, row.supplier, row.yearOfOrder, row.numberOrdered, row.weaponDesignation,
        row.weaponDescription].filter(v => v !== null && v !== undefined).join(' · ');
}

function entriesList(title, entries, withChanges) {
    return el('section', {class: 'release-changes', 'aria-label': title},
        el('h2', {}, title + ' (' + entries.length + ')'),
        entries.length ? el('ul', {}, entries.map(e => el('li', {dataset: {deal: e.dealId}},
            el('span', {class: 'pair'}, actorLabel(e.supplier) + ' → ' + actorLabel(e.recipient)), ' ', rowText(e.row),
            withChanges ? el('ul', {class: 'cells'}, (e.changes || []).map(c => el('li', {},
                el('strong', {}, c.column), ': ', el('del', {}, c.before === null ? '(empty)' : c.before), ' → ',
                el('ins', {}, c.after === null ? '(empty)' : c.after)))) : null))) : el('p', {}, 'None.'));
}

/**
 * The releases page: the releases on record and, for two of them, what the newer one added, dropped and changed.
 *
 * @param state the page's URL state: from, to (release ids) and the optional supplier and recipient
 */
export async function renderReleases(container, form, state) {
    const list = await loadReleases(true);
    const [from, to] = ['from', 'to'].map(name => form.elements[name]);
    for (const select of [from, to]) {
        select.replaceChildren(...list.map(r => el('option', {value: r.releaseId}, 'SIPRI ' + r.releasedOn)));
    }
    from.value = state.from || (list[1] || list[0] || {}).releaseId || '';
    to.value = state.to || (list[0] || {}).releaseId || '';
    showActorIn(form.elements.supplier, state.supplier);
    showActorIn(form.elements.recipient, state.recipient);
    const parts = [releasesTable(list)];
    if (list.length > 1 && from.value && to.value) {
        const changes = await getJson('/api/v1/sipri/releases/' + encodeURIComponent(from.value) + '/changes/'
            + encodeURIComponent(to.value), {supplier: state.supplier, recipient: state.recipient, size: 200});
        const counts = changes.counts || {};
        parts.push(el('p', {class: 'totals', 'aria-live': 'polite'},
            'From SIPRI ' + changes.from.releasedOn + ' to SIPRI ' + changes.to.releasedOn + ': ' + (counts.added || 0)
            + ' added, ' + (counts.dropped || 0) + ' dropped, ' + (counts.changed || 0) + ' changed, '
            + (counts.unchanged || 0) + ' unchanged'),
        entriesList('Changed', changes.changed || [], true),
        entriesList('Added', changes.added || [], false),
        entriesList('Dropped', changes.dropped || [], false));
    } else if (list.length <= 1) {
        parts.push(el('p', {}, 'Import a second release of the register to see what changed between releases.'));
    }
    container.replaceChildren(...parts);
}

/** What a deal's register entry says: the release that lists it, its revisions, and whether a release dropped it. */
export function registerBlock(register) {
    if (!register) {
        return null;
    }
    return el('div', {class: 'register'},
        el('p', {}, register.listed === false
            ? 'Dropped by SIPRI\'s release ' + register.droppedIn + '.'
            : 'Listed by SIPRI\'s release of ' + register.releasedOn + ', line ' + register.line + '.'),
        (register.revisions || []).map(r => el('div', {class: 'correction'},
            el('p', {}, 'Revised by SIPRI\'s release of ' + r.releasedOn + ': ',
                (r.changes || []).map(c => c.column + ' ' + (c.before === null ? '(empty)' : c.before) + ' → '
                    + (c.after === null ? '(empty)' : c.after)).join('; ')))));
}
