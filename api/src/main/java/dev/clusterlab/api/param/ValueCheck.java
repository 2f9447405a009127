package dev.clusterlab.api.param;

import dev.clusterlab.api.kernel.Distance;

/**
 * Checks one given value against its spec: the only place where a spec's type, range, sentinel,
 * choices and {@code int} width are enforced, for {@link ParamBinder#bind} and
 * {@link ParamBinder#check} alike.
 */
final class ValueCheck {
    private ValueCheck() {
    }

    /**
     * The bound value, or the reason there is none.
     *
     * @param value the value as {@link Params} holds it, or {@code null} when invalid
     * @param violation why the value was refused, or {@code null} when valid
     */
    record Outcome(Object value, ParamViolation violation) {
    }

    /**
     * @param owner owner id, for the violation
     * @param spec the parameter
     * @param given a non-null value as written (text from the command line, a number or boolean from YAML)
     * @return the coerced value or the violation
     */
    static Outcome check(String owner, ParamSpec spec, Object given) {
        Object value = coerce(spec, given);
        if (value != null && isSentinel(spec, value)) {
            return new Outcome(value, null);
        }
        if (value == null || !allowed(spec, value)) {
            return invalid(owner, spec, spec.domain(), given);
        }
        if (spec.valueType() == Integer.class) {
            // The binder holds integers as long; an int-valued parameter indexes arrays, so it must fit.
            long v = (Long) value;
            if (v > Integer.MAX_VALUE) {
                return invalid(owner, spec, "at most " + Integer.MAX_VALUE, given);
            }
            if (v < Integer.MIN_VALUE) {
                return invalid(owner, spec, "at least " + Integer.MIN_VALUE, given);
            }
        }
        return new Outcome(value, null);
    }

    /**
     * @param given a value as written
     * @return how messages print it: text in quotes, anything else as is
     */
    static String show(Object given) {
        return given instanceof String s ? "'" + s + "'" : String.valueOf(given);
    }

    private static Outcome invalid(String owner, ParamSpec spec, String expected, Object given) {
        return new Outcome(null, new ParamViolation.Invalid(owner, spec.name(), expected, show(given)));
    }

    private static boolean isSentinel(ParamSpec spec, Object value) {
        return spec.sentinel() != null && spec.sentinel().value().equals(value);
    }

    private static Object coerce(ParamSpec spec, Object given) {
        String text = given instanceof String s ? s.trim() : null;
        return switch (spec.type()) {
            case INTEGER -> {
                if (given instanceof Integer || given instanceof Long || given instanceof Short) {
                    yield ((Number) given).longValue();
                }
                if (given instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                        && Math.abs(num.doubleValue()) < 9e15) {
                    yield num.longValue(); // 1e3 written in YAML is still an integer
                }
                if (text != null && text.matches("[+-]?\\d{1,18}")) {
                    yield Long.parseLong(text);
                }
                yield null;
            }
            case REAL -> {
                if (given instanceof Number num) {
                    yield num.doubleValue();
                }
                if (text != null) {
                    try {
                        double v = Double.parseDouble(text);
                        yield Double.isNaN(v) ? null : v;
                    } catch (NumberFormatException e) {
                        yield null;
                    }
                }
                yield null;
            }
            case BOOLEAN -> {
                if (given instanceof Boolean b) {
                    yield b;
                }
                if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                    yield Boolean.parseBoolean(text);
                }
                yield null;
            }
            case CHOICE, TEXT -> given instanceof String || given instanceof Number || given instanceof Boolean
                    ? String.valueOf(given).trim() : null;
        };
    }

    private static boolean allowed(ParamSpec spec, Object value) {
        return switch (spec.type()) {
            case INTEGER, REAL -> spec.inRange(((Number) value).doubleValue());
            case CHOICE -> spec.valueType() == Distance.class ? isDistance((String) value) : spec.choices().contains((String) value);
            case BOOLEAN, TEXT -> true;
        };
    }

    private static boolean isDistance(String id) {
        try {
            Distance.byId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
