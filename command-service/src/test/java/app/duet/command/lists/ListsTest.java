package app.duet.command.lists;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.lists.DropListItem;
import app.duet.api.lists.KeepListItem;
import app.duet.api.lists.ListItemDropped;
import app.duet.api.lists.ListItemKept;
import app.duet.api.lists.ListItemShared;
import app.duet.api.lists.ListKind;
import app.duet.api.lists.ShareListItem;
import app.duet.command.couple.Couple;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static app.duet.command.BrokenRule.brokenRule;

/** Each partner's own lists: needs, boundaries and deal-breakers, private until shared. */
class ListsTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String ITEM = "item-1";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final CoupleCreated CREATED = new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", EXPIRES);
    private static final PartnerJoinedCouple SAM_JOINED = new PartnerJoinedCouple(COUPLE, SAM, "Sam");
    private static final ListItemKept ALEX_KEEPS =
            new ListItemKept(COUPLE, ITEM, ALEX, ListKind.BOUNDARY, "No phones at dinner");

    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
    }

    @Test
    void aPartnerKeepsAnItemOnTheirOwnList() {
        fixture.given(CREATED, SAM_JOINED)
                .when(new KeepListItem(COUPLE, ALEX, ITEM, ListKind.BOUNDARY, "No phones at dinner"))
                .expectEvents(ALEX_KEEPS);
    }

    @Test
    void anItemGoesOnANamedList() {
        fixture.given(CREATED, SAM_JOINED)
                .when(new KeepListItem(COUPLE, ALEX, ITEM, null, "No phones at dinner"))
                .expectNoEvents()
                .expectException(brokenRule("list-required"));
    }

    @Test
    void anItemIsPutIntoWords() {
        fixture.given(CREATED, SAM_JOINED)
                .when(new KeepListItem(COUPLE, ALEX, ITEM, ListKind.DEAL_BREAKER, ""))
                .expectNoEvents()
                .expectException(brokenRule("words-required"));
    }

    @Test
    void anItemIdIsUsedOncePerPartner() {
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS)
                .when(new KeepListItem(COUPLE, ALEX, ITEM, ListKind.RELATIONSHIP_NEED, "Sundays together"))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-item"));
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS)
                .when(new KeepListItem(COUPLE, SAM, ITEM, ListKind.RELATIONSHIP_NEED, "Sundays together"))
                .expectEvents(new ListItemKept(COUPLE, ITEM, SAM, ListKind.RELATIONSHIP_NEED, "Sundays together"));
    }

    @Test
    void theAuthorSharesTheirListItem() {
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS)
                .when(new ShareListItem(COUPLE, ALEX, ITEM))
                .expectEvents(new ListItemShared(COUPLE, ITEM, ALEX));
    }

    @Test
    void aPartnerNeitherSharesNorDropsTheOthersItem() {
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS)
                .when(new ShareListItem(COUPLE, SAM, ITEM))
                .expectNoEvents()
                .expectException(brokenRule("unknown-item"));
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS)
                .when(new DropListItem(COUPLE, SAM, ITEM))
                .expectNoEvents()
                .expectException(brokenRule("unknown-item"));
    }

    @Test
    void aListItemIsSharedOnce() {
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS, new ListItemShared(COUPLE, ITEM, ALEX))
                .when(new ShareListItem(COUPLE, ALEX, ITEM))
                .expectNoEvents()
                .expectException(brokenRule("item-shared"));
    }

    @Test
    void theAuthorDropsTheirListItem() {
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS, new ListItemShared(COUPLE, ITEM, ALEX))
                .when(new DropListItem(COUPLE, ALEX, ITEM))
                .expectEvents(new ListItemDropped(COUPLE, ITEM, ALEX));
    }

    @Test
    void aDroppedItemIsNeitherSharedNorDroppedAgain() {
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS, new ListItemDropped(COUPLE, ITEM, ALEX))
                .when(new ShareListItem(COUPLE, ALEX, ITEM))
                .expectNoEvents()
                .expectException(brokenRule("item-dropped"));
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS, new ListItemDropped(COUPLE, ITEM, ALEX))
                .when(new DropListItem(COUPLE, ALEX, ITEM))
                .expectNoEvents()
                .expectException(brokenRule("item-dropped"));
    }

    @Test
    void nothingHappensOnTheListsOfAnErasedCouple() {
        fixture.given(CREATED, SAM_JOINED, ALEX_KEEPS, new CoupleErased(COUPLE, SAM))
                .when(new ShareListItem(COUPLE, ALEX, ITEM))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }
}
