-- Every commit that changes the views notifies channel dyad_view_change, with the view_change table's oid (a rebuild
-- brings a new one), its count after the commit and the actors whose records the commit changed:
-- '<oid>:<count>:<actor>,<actor>,' ('*' instead of the actors when they would not fit in a notification). Readers in
-- other processes keep answers under what they learn from it. The actors are gathered per transaction as
-- actor_change rows are written, and sent (and cleared) when view_change is counted.
CREATE FUNCTION note_actor_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('dyad.changed_actors',
        coalesce(current_setting('dyad.changed_actors', true), '') || NEW.actor || ',', true);
    RETURN NULL;
END $$;

CREATE TRIGGER actor_change_noted AFTER INSERT OR UPDATE ON actor_change
    FOR EACH ROW EXECUTE FUNCTION note_actor_change();

CREATE FUNCTION notify_view_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actors TEXT := coalesce(current_setting('dyad.changed_actors', true), '');
BEGIN
    PERFORM set_config('dyad.changed_actors', '', true);
    PERFORM pg_notify('dyad_view_change', TG_RELID::text || ':' || NEW.changes || ':'
        || CASE WHEN length(actors) > 7000 THEN '*' ELSE actors END);
    RETURN NULL;
END $$;

CREATE TRIGGER view_change_notified AFTER UPDATE ON view_change
    FOR EACH ROW EXECUTE FUNCTION notify_view_change();
