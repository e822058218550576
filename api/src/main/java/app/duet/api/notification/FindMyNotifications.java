package app.duet.api.notification;

/** Asks for a person's notifications. */
public record FindMyNotifications(String personId) {
}
