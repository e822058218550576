-- Wakes every listening query-service the moment a transaction with new events commits, instead of
-- leaving them to find out on their next poll. NOTIFY is delivered on commit and folded per
-- transaction, so one append of many events costs one notification.
CREATE FUNCTION notify_events_appended() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('duet_events', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_appended
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();
