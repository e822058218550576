package app.duet.api.notification;

/** Asks for what a person chose to get. */
public record FindMyNotificationChoices(String personId) {
}
