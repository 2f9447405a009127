package dev.clusterlab.spark;

import dev.clusterlab.api.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments, checked against the options a command knows. */
final class Args {
    final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    Args(String command, String[] args, int from, Set<String> valued, Set<String> flags) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (flags.contains(name)) {
                options.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
                if (v == null) {
                    throw new UserInputException(command + ": " + name + " needs a value");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>()).add(v);
            } else {
                List<String> known = new ArrayList<>(valued);
                known.addAll(flags);
                throw new UserInputException(command + ": unknown option " + name + "; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    String get(String name) {
        List<String> v = options.get(name);
        return v == null ? null : v.getLast();
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    int integer(String name, int otherwise) {
        String v = get(name);
        try {
            return v == null ? otherwise : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(name + " must be an integer; got '" + v + "'");
        }
    }

    long longValue(String name, long otherwise) {
        String v = get(name);
        try {
            return v == null ? otherwise : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(name + " must be an integer; got '" + v + "'");
        }
    }

    double real(String name, double otherwise) {
        String v = get(name);
        try {
            return v == null ? otherwise : Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(name + " must be a number; got '" + v + "'");
        }
    }

    List<String> list(String name) {
        String v = get(name);
        return v == null || v.isBlank() ? List.of() : List.of(v.split(",")).stream().map(String::strip).toList();
    }
}
