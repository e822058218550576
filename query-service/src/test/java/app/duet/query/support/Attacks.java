package app.duet.query.support;

import java.util.ArrayList;
import java.util.List;

/** Tries attacks one by one and keeps count: each must end in the refusal its check expects. */
public final class Attacks {

    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    private final List<String> tried = new ArrayList<>();
    private final List<String> notRefused = new ArrayList<>();

    /** Runs the attempt; any failed check or unexpected error counts the attack as not refused. */
    public void attack(String name, Attempt attempt) {
        tried.add(name);
        try {
            attempt.run();
        } catch (Exception | AssertionError notRefusedAsExpected) {
            notRefused.add(name + ": " + notRefusedAsExpected.getMessage());
        }
    }

    public String summary() {
        return String.format("security suite: %d attacks tried, %d refused", tried.size(), tried.size() - notRefused.size());
    }

    public List<String> notRefused() {
        return List.copyOf(notRefused);
    }
}
