-- A deal's stored summary names each of its sources once (by id, the sources kept beside the claims in its
-- "sourceIndex") and holds only each source's latest estimate ("latestEstimates"; every claim is in the deal's
-- history, GET /api/v1/deals/{id}). The states stored before are removed: at start the views write every deal stored without states
-- again from its logged events, in the new shape.
DELETE FROM deal_state;
