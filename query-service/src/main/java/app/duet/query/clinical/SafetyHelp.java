package app.duet.query.clinical;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * What a partner who does not feel safe is told, besides that their therapist reads it: whom to call
 * now if they are in danger ({@code duet.safety.crisis-contacts[n].name}, {@code .how}), set for where
 * Duet is used, and where the quick exit goes ({@code duet.safety.quick-exit-url}, a page that draws no
 * attention). Without settings: the local emergency number, and a weather page.
 */
@ConfigurationProperties("duet.safety")
public record SafetyHelp(List<CrisisContact> crisisContacts, String quickExitUrl) {

    private static final List<CrisisContact> ANYWHERE = List.of(
            new CrisisContact("Emergency services", "Call your local emergency number: 112 across Europe, 911 in North America, 999 in the UK."));
    private static final String NEUTRAL_PAGE = "https://www.bbc.com/weather";

    public SafetyHelp {
        crisisContacts = crisisContacts == null || crisisContacts.isEmpty() ? ANYWHERE : List.copyOf(crisisContacts);
        quickExitUrl = quickExitUrl == null || quickExitUrl.isBlank() ? NEUTRAL_PAGE : quickExitUrl;
    }

    /** Someone to turn to now: who, and how to reach them. */
    public record CrisisContact(String name, String how) {
    }
}
