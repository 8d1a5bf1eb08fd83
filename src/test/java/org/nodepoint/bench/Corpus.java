package org.nodepoint.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nodepoint.csv.CsvInput;
import org.nodepoint.tickets.TicketService;

/**
 * Ticket texts grouped by topic, read from a CSV file (or the first CSV entry of a zip) with the
 * columns {@code Document} and {@code Topic_group}, as in the Endava IT ticket data set.
 * Topics are ordered by the number of documents, largest first, then by name.
 */
final class Corpus {
    static final String TEXT_COLUMN = "Document";
    static final String TOPIC_COLUMN = "Topic_group";

    private final List<String> topics;
    /** Documents of each topic in file order, at the topic's position in {@link #topics}. */
    private final List<List<String>> documents;
    private final int skipped;

    private Corpus(List<String> topics, List<List<String>> documents, int skipped) {
        this.topics = topics;
        this.documents = documents;
        this.skipped = skipped;
    }

    /**
     * Reads the corpus. Rows with an empty text, or a text longer than a comment may be, are
     * skipped so that every document fits both a ticket description and a comment body.
     */
    static Corpus read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("corpus file not found: " + file.toAbsolutePath());
        }
        if (file.getFileName().toString().toLowerCase().endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.stream()
                        .filter(candidate -> candidate.getName().toLowerCase().endsWith(".csv"))
                        .findFirst()
                        .orElseThrow(() -> new IOException("no .csv entry in " + file));
                try (InputStream in = zip.getInputStream(entry)) {
                    return parse(new InputStreamReader(in, StandardCharsets.UTF_8), file + "!" + entry.getName());
                }
            }
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    private static Corpus parse(Reader reader, String source) throws IOException {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        int skipped = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CsvInput.headedFormat()).get()) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains(TEXT_COLUMN) || !header.contains(TOPIC_COLUMN)) {
                throw new IOException(source + " must have the columns " + TEXT_COLUMN + " and " + TOPIC_COLUMN
                        + "; its header is " + header);
            }
            for (CSVRecord record : parser) {
                String text = record.isSet(TEXT_COLUMN) ? record.get(TEXT_COLUMN).strip() : "";
                String topic = record.isSet(TOPIC_COLUMN) ? record.get(TOPIC_COLUMN).strip() : "";
                if (text.isEmpty() || text.length() > TicketService.MAX_COMMENT_LENGTH) {
                    skipped++;
                    continue;
                }
                byTopic.computeIfAbsent(topic.isEmpty() ? "General" : topic, ignored -> new ArrayList<>()).add(text);
            }
        }
        if (byTopic.isEmpty()) {
            throw new IOException(source + " contains no usable documents");
        }
        List<String> topics = new ArrayList<>(byTopic.keySet());
        topics.sort(Comparator.comparingInt((String topic) -> -byTopic.get(topic).size()).thenComparing(Comparator.naturalOrder()));
        List<List<String>> documents = new ArrayList<>();
        for (String topic : topics) {
            documents.add(Collections.unmodifiableList(byTopic.get(topic)));
        }
        return new Corpus(List.copyOf(topics), List.copyOf(documents), skipped);
    }

    List<String> topics() {
        return topics;
    }

    int size() {
        return documents.stream().mapToInt(List::size).sum();
    }

    /** Rows left out because their text was empty or too long. */
    int skipped() {
        return skipped;
    }

    /** Returns a uniformly drawn document of the topic at this position of {@link #topics()}. */
    String pick(int topic, Random random) {
        List<String> texts = documents.get(topic);
        return texts.get(random.nextInt(texts.size()));
    }

    /** Returns the first {@code count} words of a document, cut to the maximum title length. */
    static String firstWords(String text, int count) {
        String[] words = text.strip().split("\\s+", count + 1);
        String title = String.join(" ", Arrays.asList(words).subList(0, Math.min(count, words.length)));
        return title.length() <= TicketService.MAX_TITLE_LENGTH ? title : title.substring(0, TicketService.MAX_TITLE_LENGTH).strip();
    }
}
