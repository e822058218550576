package app.duet.query.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tries attacks one by one and keeps count: each must end in the refusal its check expects. */
public final class Attacks {

    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    private final List<String> tried = new ArrayList<>();
    private final List<String> notRefused = new ArrayList<>();
    /** Per class of attack: how many were tried and how many refused, in the order the classes came. */
    private final Map<String, int[]> byClass = new LinkedHashMap<>();
    private String currentClass = "unclassed";

    /** The attacks that follow belong to this class. */
    public void inClass(String name) {
        currentClass = name;
    }

    /** Runs the attempt; any failed check or unexpected error counts the attack as not refused. */
    public void attack(String name, Attempt attempt) {
        tried.add(name);
        int[] counts = byClass.computeIfAbsent(currentClass, c -> new int[2]);
        counts[0]++;
        try {
            attempt.run();
            counts[1]++;
        } catch (Exception | AssertionError notRefusedAsExpected) {
            notRefused.add(name + ": " + notRefusedAsExpected.getMessage());
        }
    }

    public String summary() {
        return String.format("security suite: %d attacks tried, %d refused", tried.size(), tried.size() - notRefused.size());
    }

    /** One line per class: {@code security suite class NAME: N attacks tried, M refused}. */
    public List<String> lines() {
        return byClass.entrySet().stream().map(entry -> String.format("security suite class %s: %d attacks tried, %d refused",
                entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
    }

    public int tried() {
        return tried.size();
    }

    public List<String> notRefused() {
        return List.copyOf(notRefused);
    }
}
