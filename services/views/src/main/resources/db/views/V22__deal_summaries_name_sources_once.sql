-- A deal's stored summary names each of its sources once (by id, the sources kept beside the claims in its
-- "sourceIndex"). The states stored before are removed: at start the views write every deal stored without states
-- again from its logged events, in the new shape.
DELETE FROM deal_state;
