// Where every figure came from: the source, its quote, the Admiralty grade, and who recorded it when.
import {el, eventLabel, fieldLabel, partialDate, webUrl} from './format.js';

const RELIABILITY = {
    A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable',
    E: 'unreliable', F: 'reliability cannot be judged'
};
const CREDIBILITY = {
    1: 'confirmed by other sources', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable',
    6: 'truth cannot be judged'
};

/** "B2" → "B2 — source usually reliable; information probably true". */
export function gradeText(grade) {
    if (!grade || grade.length !== 2) {
        return 'not graded';
    }
    return grade + ' — source ' + RELIABILITY[grade[0]] + '; information ' + CREDIBILITY[grade[1]];
}

/** A small button naming the source and grade; activating it opens the source in the details dialog. */
export function sourceButton(provenance, what, label) {
    if (!provenance) {
        return null;
    }
    const source = provenance.source || {};
    return el('button', {
        type: 'button', class: 'source', title: 'Where this came from',
        'aria-label': 'Source of ' + what + ': ' + (source.publisher || 'unknown') + ', grade ' + provenance.grade,
        onclick: () => showSource(what, provenance)
    }, label ?? [source.publisher || 'source', ' ', el('span', {class: 'grade'}, provenance.grade || '?')]);
}

function sourceBlock(provenance, extra = {}) {
    const source = provenance.source || {};
    return el('div', {class: 'source-detail'},
        el('p', {class: 'publisher'}, el('strong', {}, source.publisher || 'Unknown publisher'),
            source.publishedOn ? ', ' + partialDate(source.publishedOn) : '',
            source.language ? ' (' + source.language + ')' : ''),
        source.title ? el('p', {class: 'title'},
            webUrl(source.url) ? el('a', {href: webUrl(source.url), rel: 'noopener noreferrer', target: '_blank'},
                source.title)
                : source.title) : null,
        source.quote ? el('blockquote', {}, '“' + source.quote + '”') : null,
        el('dl', {},
            el('dt', {}, 'Grade'), el('dd', {class: 'grade-text'}, gradeText(provenance.grade)),
            el('dt', {}, 'Recorded'), el('dd', {}, (provenance.recordedAt || '').replace('T', ' ').substring(0, 19)
                + ' UTC by ' + (provenance.recordedBy || 'unknown')),
            extra.client ? [el('dt', {}, 'Client'), el('dd', {}, extra.client)] : null,
            extra.correlationId ? [el('dt', {}, 'Request'), el('dd', {class: 'mono'}, extra.correlationId)] : null));
}

export function showSource(what, provenance, extra) {
    openDetails('Source of ' + what, sourceBlock(provenance, extra));
}

/**
 * A record's history: each fact with its valid date, its source and any correction or retraction; {@code before}, if
 * given, is shown above it.
 */
export function showHistory(title, history, before = null) {
    const list = el('ol', {class: 'history'});
    for (const entry of history || []) {
        const provenance = entry.event && entry.event.provenance;
        list.append(el('li', {class: entry.retracted ? 'retracted' : null},
            el('p', {class: 'what'}, el('span', {class: 'date'}, partialDate(entry.validOn)), ' ',
                el('strong', {title: entry.type}, eventLabel(entry.type)), entry.retracted ? ' (retracted)' : '',
                (entry.corrections || []).length ? ' (corrected)' : ''),
            summary(entry.event),
            provenance ? sourceBlock(provenance) : null,
            (entry.corrections || []).map(c => el('div', {class: 'correction'},
                el('p', {}, 'Corrected: ', Object.entries(c.changes || {})
                    .map(([field, value]) => fieldLabel(field) + ' → ' + JSON.stringify(value)).join('; '),
                    c.reason ? ' — ' + c.reason : ''),
                c.provenance ? sourceBlock(c.provenance) : null)),
            entry.retraction ? el('div', {class: 'correction'},
                el('p', {}, 'Retracted: ', entry.retraction.reason || ''),
                entry.retraction.provenance ? sourceBlock(entry.retraction.provenance) : null) : null));
    }
    openDetails(title, before ? el('div', {}, before, list) : list);
}

function summary(event) {
    if (!event) {
        return null;
    }
    const parts = [];
    for (const [name, value] of Object.entries(event)) {
        if (['provenance', 'dealId', 'agreementId', 'statementId'].includes(name) || value === null) {
            continue;
        }
        if (name === 'items' && Array.isArray(value)) {
            parts.push('items: ' + value.map(item => [item.quantity, item.designation,
                item.description ? '(' + item.description + ')' : null].filter(v => v !== null && v !== undefined)
                .join(' ')).join('; '));
            continue;
        }
        if (typeof value === 'object') {
            continue;
        }
        parts.push(fieldLabel(name) + ': ' + value);
    }
    return parts.length ? el('p', {class: 'facts'}, parts.join(' · ')) : null;
}

export function openDetails(title, body) {
    const dialog = document.getElementById('details');
    document.getElementById('details-title').textContent = title;
    document.getElementById('details-body').replaceChildren(body);
    if (!dialog.open) {
        dialog.showModal();
    }
}
