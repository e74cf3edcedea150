package io.flagtrail.domain.event;

import io.flagtrail.domain.changerequest.ChangeRequestAction;
import io.flagtrail.domain.feature.FeatureAction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The event catalogue: every type Flagtrail publishes. Names are a published contract; never rename one. */
public final class EventTypes {

    public static final String FEATURE_CREATED = "FeatureCreated";
    public static final String FEATURE_UPDATED = "FeatureUpdated";
    public static final String FEATURE_ENABLED = "FeatureEnabled";
    public static final String FEATURE_DISABLED = "FeatureDisabled";
    public static final String FEATURE_DELETED = "FeatureDeleted";
    public static final String FEATURE_RESTORED = "FeatureRestored";
    public static final String USER_CREATED = "UserCreated";
    public static final String USER_DISABLED = "UserDisabled";
    public static final String USER_ENABLED = "UserEnabled";
    public static final String USER_ROLES_CHANGED = "UserRolesChanged";
    /** Every step of a change request is one event: {@code ChangeRequestDrafted} ... {@code ChangeRequestApplied}. */
    public static final String CHANGE_REQUEST_PREFIX = "ChangeRequest";

    public static final List<String> ALL = Stream.concat(Stream.of(FEATURE_CREATED, FEATURE_UPDATED, FEATURE_ENABLED,
                    FEATURE_DISABLED, FEATURE_DELETED, FEATURE_RESTORED, USER_CREATED, USER_DISABLED, USER_ENABLED,
                    USER_ROLES_CHANGED), Arrays.stream(ChangeRequestAction.values()).map(EventTypes::of)).toList();

    private EventTypes() {
    }

    /** {@code ChangeRequestApproved} for APPROVED, {@code ChangeRequestBreakGlass} for BREAK_GLASS, and so on. */
    public static String of(ChangeRequestAction action) {
        var name = new StringBuilder(CHANGE_REQUEST_PREFIX);
        for (var word : action.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    public static String of(FeatureAction action) {
        return switch (action) {
            case CREATED -> FEATURE_CREATED;
            case UPDATED -> FEATURE_UPDATED;
            case ENABLED -> FEATURE_ENABLED;
            case DISABLED -> FEATURE_DISABLED;
            case DELETED -> FEATURE_DELETED;
            case RESTORED -> FEATURE_RESTORED;
        };
    }
}
