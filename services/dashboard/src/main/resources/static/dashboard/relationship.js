// Relationship explorer: everything on record between two actors, each figure with its source.
import {getJson} from './api.js';
import {actorLabel, card, dealTitle, downloadableTable, el, estimate, estimateTotals, eventLabel, money, partialDate,
    possibly, signedByElement, statusClass, words} from './format.js';
import {showHistory, showSource, sourceButton} from './sources.js';
import {expectation, latestExpectation, showDealHistory} from './deals.js';

/** The latest entry of a history that concerns a party (its signature, consent, renunciation...). */
function lastEntryFor(history, party) {
    const entries = (history || []).filter(h => !h.retracted && h.event
        && (h.event.party === party || (h.event.parties || []).includes(party)));
    return entries[entries.length - 1];
}

function lastEntry(history) {
    const entries = (history || []).filter(h => !h.retracted);
    return entries[entries.length - 1];
}

function statusButton(status, entry, what) {
    const chip = el('span', {class: statusClass(status)}, words(status));
    if (!entry || !entry.event || !entry.event.provenance) {
        return chip;
    }
    return el('button', {
        type: 'button', class: 'chip-button', title: 'Where this status came from',
        'aria-label': what + ': ' + words(status) + ' — show source',
        onclick: () => showSource(what + ' — ' + words(status) + ' (' + eventLabel(entry.type) + ', '
            + partialDate(entry.validOn) + ')', entry.event.provenance)
    }, chip);
}

/** How a party came to hold or left its place by state succession, in words; null when it did not. */
function partySuccession(p) {
    if (p.by === 'SUCCESSION') {
        return el('span', {class: 'sub succession'}, ' by succession from ' + p.from + ' since '
            + partialDate(p.since));
    }
    if (p.status === 'ENDED') {
        return el('span', {class: 'sub succession'}, ' on ' + partialDate(p.endedOn)
            + ((p.succeededBy || []).length ? ', succeeded by ' + p.succeededBy.join(', ') : ''));
    }
    return null;
}

/** A deal's roles that changed hands by succession, and how a deal came into a successor's relationship. */
function dealSuccession(deal) {
    const lines = (deal.succession || []).map(s => s.role + ' ' + s.successor + ' by succession from '
        + s.predecessor + ' since ' + partialDate(s.on));
    if (deal.via) {
        lines.push('by succession from ' + deal.via.predecessor + ' (' + words(deal.via.succession) + ', '
            + partialDate(deal.via.on) + ')');
    }
    return lines.length ? el('p', {class: 'sub succession'}, lines.join(' · ')) : null;
}

function agreementsSection(agreements) {
    if (!agreements.length) {
        return el('p', {class: 'empty'}, 'No agreement on record between them.');
    }
    return downloadableTable(el('table', {class: 'grid', id: 'agreements'},
        el('caption', {}, 'Agreements'),
        el('thead', {}, el('tr', {}, ['Agreement', 'Signed', 'Status', 'Each party', 'Concerning']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, agreements.map(a => el('tr', {dataset: {agreement: a.agreementId}},
            el('td', {}, el('button', {
                type: 'button', class: 'link', onclick: () => showHistory(a.title, a.history)
            }, a.title), el('div', {class: 'sub'}, words(a.kind), a.secret ? ' · secret' : '',
                a.disclosedOn ? ' · disclosed ' + partialDate(a.disclosedOn) : '')),
            el('td', {}, partialDate(a.signedOn), a.place ? el('div', {class: 'sub'}, a.place) : null,
                (a.milestones || []).map(m => el('div', {class: 'sub milestone'}, words(m.kind),
                    m.party ? ' (' + m.party + ')' : '', m.provisions ? ', ' + m.provisions : '', ' ',
                    partialDate(m.on)))),
            el('td', {class: 'agreement-status'}, statusButton(a.status, lastEntry(a.history), a.title)),
            el('td', {class: 'party-statuses'}, (a.parties || []).map(p => el('span', {class: 'party'},
                el('span', {class: 'code'}, p.party), ' ',
                statusButton(p.status, lastEntryFor(a.history, p.party), p.party + ' in ' + a.title),
                partySuccession(p)))),
            el('td', {}, (a.concerning || []).join(', ') || '—'))))), 'agreements.csv');
}

function dealCard(deal, times) {
    return el('article', {class: 'deal', dataset: {deal: deal.dealId}},
        el('h4', {}, el('button', {
            type: 'button', class: 'link', onclick: () => showDealHistory(deal, times)
        }, dealTitle(deal))),
        el('p', {class: 'sub'}, 'reported ', partialDate(deal.reportedOn), ' · ',
            el('span', {class: statusClass(deal.status)}, words(deal.status)), possibly(deal),
            deal.statusEmbargoId ? ' · citing embargo ' + deal.statusEmbargoId : '',
            latestExpectation(deal) ? ' · expected ' + expectation(latestExpectation(deal)) : '',
            deal.frameworkAgreementId ? ' · under agreement ' + deal.frameworkAgreementId : '',
            signedByElement(deal)),
        dealSuccession(deal),
        el('ul', {class: 'estimates'}, (deal.latestEstimates || []).map(claim => el('li', {},
            el('span', {class: 'amount'}, estimate(claim.estimate)), ' ',
            sourceButton(claim.provenance, estimate(claim.estimate))))));
}

/** "RUS->IRN" as a reader reads it: "Russia (RUS) → Iran (IRN)". */
function directionLabel(direction, actorNames) {
    return direction.split('->').map(code => actorLabel(code, actorNames)).join(' → ');
}

/** Each direction's deals counted by stage (all of them), with the cards of the deals on this page. */
function dealsSection(relationship, times) {
    const deals = relationship.deals || [];
    const standing = deal => deal.status === 'ACTIVE' ? deal.stage : deal.status;
    const directions = Object.entries(relationship.dealsByDirection || {});
    return el('div', {class: 'directions'}, directions.map(([direction, counts]) => {
        const stages = Object.entries(counts);
        const supplier = direction.split('->')[0];
        return el('section', {class: 'direction', 'aria-label': 'Deals ' + direction.replace('->', ' to ')},
            el('h3', {}, directionLabel(direction, relationship.actorNames)),
            stages.length ? stages.map(([stage, count]) => el('div', {class: 'stage'},
                el('h4', {class: statusClass(stage)}, words(stage) + ' (' + count + ')'),
                deals.filter(d => d.supplier === supplier && standing(d) === stage).map(d => dealCard(d, times))))
                : el('p', {class: 'empty'}, 'No deal on record.'));
    }));
}

/** The predecessors' deals a successor of the pair carried on, apart from the pair's own. */
function dealsBySuccessionSection(relationship, times) {
    const deals = relationship.dealsBySuccession || [];
    if (!deals.length) {
        return null;
    }
    return el('section', {class: 'direction', id: 'deals-by-succession',
        'aria-label': 'Deals taken over by succession'},
        el('h3', {}, 'Taken over by succession (' + deals.length + ')'), deals.map(d => dealCard(d, times)));
}

/** Which of the pair's deals are shown, and buttons to the earlier and later ones. */
function dealsPager(relationship, show) {
    const {dealsTotal: total, dealsPage: page, dealsSize: size} = relationship;
    if (!total || total <= size) {
        return '';
    }
    const first = page * size + 1;
    const last = Math.min(total, (page + 1) * size);
    return el('p', {class: 'pager'}, 'Deals ' + first + '–' + last + ' of ' + total + ', earliest report first ',
        el('button', {type: 'button', disabled: page === 0, onclick: () => show(page - 1)}, 'Earlier'), ' ',
        el('button', {type: 'button', disabled: last >= total, onclick: () => show(page + 1)}, 'Later'));
}

/**
 * Each source's latest estimate of the deals shown, side by side: conflicting claims stay visible with their sources.
 * A relationship carries each deal's latest claims; earlier ones are in the deal's history.
 */
function estimatesSection(deals) {
    const rows = [];
    for (const deal of deals) {
        for (const claim of deal.latestEstimates || []) {
            rows.push({deal, claim});
        }
    }
    if (!rows.length) {
        return el('p', {class: 'empty'}, 'No estimate on record.');
    }
    return downloadableTable(el('table', {class: 'grid', id: 'estimates'},
        el('caption', {}, 'Estimates, side by side'),
        el('thead', {}, el('tr', {}, ['Deal', 'Estimate', 'Scope', 'Estimated on', 'Source', 'Grade', '']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, rows.map(({deal, claim}) => el('tr', {},
            el('td', {}, dealTitle(deal), el('div', {class: 'sub'}, actorLabel(deal.supplier) + ' → '
                + actorLabel(deal.recipient))),
            el('td', {class: 'amount'}, estimate(claim.estimate)),
            el('td', {}, claim.estimate.scope || '—'),
            el('td', {}, partialDate(claim.estimatedOn)),
            el('td', {}, sourceButton(claim.provenance, estimate(claim.estimate),
                (claim.provenance.source || {}).publisher || 'source')),
            el('td', {}, el('span', {class: 'grade'}, claim.provenance.grade)),
            el('td', {class: 'sub'}, 'latest from its source', claim.corrected ? ' · corrected' : ''))))),
        'estimates.csv');
}

function statementsSection(statements) {
    if (!statements.length) {
        return el('p', {class: 'empty'}, 'No statement on record.');
    }
    return el('ul', {class: 'statements', id: 'statements'}, statements.map(s => el('li', {},
        el('span', {class: 'date'}, partialDate(s.madeOn)), ' ', el('span', {class: 'code'}, s.speaker), ' ',
        el('span', {class: statusClass(s.kind)}, words(s.kind)), ' ', s.summary, ' ',
        s.claim ? el('span', {class: 'amount claim'}, words(s.claim.nature) + ' ' + money(s.claim.amount,
            s.claim.currency)) : '', s.claim ? ' ' : '',
        sourceButton(s.provenance, 'the statement'))));
}

/** The embargoes that bind (or may bind) between the pair on the date shown, each with its source. */
function embargoesSection(embargoes) {
    if (!embargoes.length) {
        return el('p', {class: 'empty'}, 'No embargo in force between them.');
    }
    return el('ul', {class: 'embargoes', id: 'embargoes'}, embargoes.map(e => el('li', {dataset: {embargo: e.embargoId}},
        el('span', {class: 'date'}, partialDate(e.from), e.to ? ' – ' + partialDate(e.to) : ''), ' ',
        el('span', {class: 'code'}, e.imposedBy), ' on ', (e.targets || []).join(', '), ' ',
        el('span', {class: statusClass(e.status)}, words(e.status)),
        e.possibly ? el('span', {class: 'sub'}, ' possibly ' + words(e.possibly)) : '', ' ',
        (e.measures || []).map(words).join(', '), e.legalBasis ? ' · ' + e.legalBasis : '', ' ',
        sourceButton(e.provenance, 'the embargo'))));
}

/** "Timeline (120 events, the latest 50 shown)": the pair's whole count, and how many of them the page shows. */
function timelineCaption(total, shown) {
    return 'Timeline (' + total.toLocaleString('en') + ' events' + (shown < total ? ', the latest ' + shown
        + ' shown' : '') + ')';
}

function timelineSection(relationship) {
    const entries = relationship.timeline || [];
    return downloadableTable(el('table', {class: 'grid', id: 'timeline'},
        el('caption', {}, timelineCaption(relationship.timelineTotal ?? entries.length, entries.length)),
        el('thead', {}, el('tr', {}, ['Date', 'Event', 'Record', 'Source', 'Recorded'].map(h =>
            el('th', {scope: 'col'}, h)))),
        el('tbody', {}, entries.map(t => el('tr', {class: t.retracted ? 'retracted' : null},
            el('td', {}, partialDate(t.validOn)),
            el('td', {title: t.type}, eventLabel(t.type), t.corrected ? ' (corrected)' : '',
                t.retracted ? ' (retracted)' : ''),
            el('td', {class: 'sub'}, words(t.recordType) + ' ' + t.recordId),
            el('td', {}, sourceButton(t.provenance, eventLabel(t.type) + ' of ' + t.recordId,
                [((t.provenance || {}).source || {}).publisher || 'source', ' ',
                    el('span', {class: 'grade'}, (t.provenance || {}).grade || '?')])),
            el('td', {class: 'sub'}, (t.recordedAt || '').substring(0, 10), ' by ',
                (t.provenance || {}).recordedBy || '?'))))), 'timeline.csv');
}

/**
 * The relationship page for a pair at the given times, with one page of its deals (counted from 0);
 * {@code onDealsPage} is called with the page the reader asks for.
 */
export async function renderRelationship(container, {a, b, asOf, knownAt, dealsPage = 0}, onDealsPage) {
    if (!a || !b) {
        container.replaceChildren(el('p', {class: 'empty'}, 'Pick two actors to see what is on record between them.'));
        return;
    }
    const relationship = await getJson('/api/v1/relationships/' + encodeURIComponent(a) + '/'
        + encodeURIComponent(b), {asOf, knownAt, dealsPage});
    const deals = relationship.deals || [];
    const show = page => onDealsPage(page);
    // a section with nothing to show is left out (null), never written as text
    container.replaceChildren(...[
        el('p', {class: 'pair-names'}, actorLabel(a, relationship.actorNames), ' and ',
            actorLabel(b, relationship.actorNames)),
        el('div', {class: 'cards'},
            card('Agreements', relationship.agreements.length),
            card('Deals', relationship.dealsTotal, Number.isFinite(relationship.dealsPending)
                ? relationship.dealsPending + ' pending' : null),
            card('Statements', relationship.statements.length),
            card('On record', relationship.firstEventOn ? partialDate(relationship.firstEventOn) + ' – '
                + partialDate(relationship.lastEventOn) : '—'),
            card('Latest estimates, summed', (relationship.estimateTotals || []).length
                ? el('span', {class: 'totals'}, ...estimateTotals(relationship)) : '—',
                'standing deals, per currency; never converted')),
        el('h2', {}, 'Embargoes in force'), embargoesSection(relationship.embargoes || []),
        el('h2', {}, 'Agreements'), agreementsSection(relationship.agreements),
        el('h2', {}, 'Deals'), dealsPager(relationship, show), dealsSection(relationship, {asOf, knownAt}),
        dealsBySuccessionSection(relationship, {asOf, knownAt}),
        el('h2', {}, 'Estimates'), estimatesSection(deals),
        el('h2', {}, 'Statements'), statementsSection(relationship.statements),
        el('h2', {}, 'Timeline'), timelineSection(relationship)].filter(Boolean));
}
