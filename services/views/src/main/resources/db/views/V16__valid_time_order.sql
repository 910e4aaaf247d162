-- Records are folded in valid-time order, a partial date being the interval of days it may denote. The deals'
-- states stored before are removed: at start the views write every deal stored without states again from its logged
-- events (its row with them), and every agreement is marked for review, which folds it again at start.
DELETE FROM deal_state;
UPDATE agreement SET review_on = CURRENT_DATE;
