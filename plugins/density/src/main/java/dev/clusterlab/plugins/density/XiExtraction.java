package dev.clusterlab.plugins.density;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * OPTICS cluster extraction, line for line as scikit-learn 1.2's {@code cluster_optics_xi} (with
 * {@code _xi_cluster}, {@code _extend_region}, {@code _update_filter_sdas},
 * {@code _correct_predecessor} and {@code _extract_xi_labels}) and {@code cluster_optics_dbscan}, so
 * that labels agree with scikit-learn's on the same graph. That includes one quirk kept on purpose:
 * the predecessor correction looks up {@code ordering[predecessor]} (a row used as a position, with
 * {@code -1} meaning the last position, as Python's negative index).
 */
final class XiExtraction {
    private XiExtraction() {
    }

    /** A steep-down area of the reachability plot, with its running maximum in between. */
    private static final class SteepDown {
        final int start;
        final int end;
        double mib;

        SteepDown(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    /**
     * @return the clusters as {@code [start, end]} positions in the ordering, in scikit-learn's order
     *     (the {@code cluster_hierarchy_})
     */
    static List<int[]> clusters(OpticsGraph g, double xi, int minSamples, int minClusterSize, boolean predecessorCorrection) {
        int n = g.ordering().length;
        double[] plot = new double[n + 1];
        int[] predecessorPlot = new int[n];
        for (int i = 0; i < n; i++) {
            plot[i] = g.reachability()[g.ordering()[i]];
            predecessorPlot[i] = g.predecessor()[g.ordering()[i]];
        }
        plot[n] = Double.POSITIVE_INFINITY;
        double xiComplement = 1 - xi;
        boolean[] steepUp = new boolean[n];
        boolean[] steepDown = new boolean[n];
        boolean[] down = new boolean[n];
        boolean[] up = new boolean[n];
        for (int i = 0; i < n; i++) {
            double ratio = plot[i] / plot[i + 1];
            steepUp[i] = ratio <= xiComplement;
            steepDown[i] = ratio >= 1 / xiComplement;
            down[i] = ratio > 1;
            up[i] = ratio < 1;
        }
        List<SteepDown> sdas = new ArrayList<>();
        List<int[]> clusters = new ArrayList<>();
        int index = 0;
        double mib = 0.0;
        for (int steep = 0; steep < n; steep++) {
            if (!(steepUp[steep] || steepDown[steep]) || steep < index) {
                continue;
            }
            for (int i = index; i <= steep; i++) {
                mib = Math.max(mib, plot[i]);
            }
            sdas = filter(sdas, mib, xiComplement, plot);
            if (steepDown[steep]) {
                int dEnd = extendRegion(steepDown, up, steep, minSamples);
                sdas.add(new SteepDown(steep, dEnd));
                index = dEnd + 1;
                mib = plot[index];
                continue;
            }
            int uStart = steep;
            int uEnd = extendRegion(steepUp, down, uStart, minSamples);
            index = uEnd + 1;
            mib = plot[index];
            List<int[]> uClusters = new ArrayList<>();
            for (SteepDown sd : sdas) {
                int cStart = sd.start;
                int cEnd = uEnd;
                if (plot[cEnd + 1] * xiComplement < sd.mib) {
                    continue;
                }
                double dMax = plot[sd.start];
                if (dMax * xiComplement >= plot[cEnd + 1]) {
                    while (plot[cStart + 1] > plot[cEnd + 1] && cStart < sd.end) {
                        cStart++;
                    }
                } else if (plot[cEnd + 1] * xiComplement >= dMax) {
                    while (plot[cEnd - 1] > dMax && cEnd > uStart) {
                        cEnd--;
                    }
                }
                if (predecessorCorrection) {
                    int[] corrected = correctPredecessor(plot, predecessorPlot, g.ordering(), cStart, cEnd);
                    if (corrected == null) {
                        continue;
                    }
                    cStart = corrected[0];
                    cEnd = corrected[1];
                }
                if (cEnd - cStart + 1 < minClusterSize || cStart > sd.end || cEnd < uStart) {
                    continue;
                }
                uClusters.add(new int[] {cStart, cEnd});
            }
            Collections.reverse(uClusters);
            clusters.addAll(uClusters);
        }
        return clusters;
    }

    private static int extendRegion(boolean[] steepPoint, boolean[] xwardPoint, int start, int minSamples) {
        int n = steepPoint.length;
        int nonXward = 0;
        int end = start;
        for (int index = start; index < n; index++) {
            if (steepPoint[index]) {
                nonXward = 0;
                end = index;
            } else if (!xwardPoint[index]) {
                nonXward++;
                if (nonXward > minSamples) {
                    break;
                }
            } else {
                return end;
            }
        }
        return end;
    }

    private static List<SteepDown> filter(List<SteepDown> sdas, double mib, double xiComplement, double[] plot) {
        if (Double.isInfinite(mib)) {
            return new ArrayList<>();
        }
        List<SteepDown> kept = new ArrayList<>();
        for (SteepDown sd : sdas) {
            if (mib <= plot[sd.start] * xiComplement) {
                sd.mib = Math.max(sd.mib, mib);
                kept.add(sd);
            }
        }
        return kept;
    }

    private static int[] correctPredecessor(double[] plot, int[] predecessorPlot, int[] ordering, int s, int e) {
        int n = ordering.length;
        while (s < e) {
            if (plot[s] > plot[e]) {
                return new int[] {s, e};
            }
            int p = predecessorPlot[e];
            int pe = ordering[p < 0 ? n + p : p];
            for (int i = s; i < e; i++) {
                if (pe == ordering[i]) {
                    return new int[] {s, e};
                }
            }
            e--;
        }
        return null;
    }

    /** scikit-learn's {@code _extract_xi_labels}: the first listed cluster over unlabelled positions wins. */
    static int[] xiLabels(int[] ordering, List<int[]> clusters) {
        int n = ordering.length;
        int[] byPosition = new int[n];
        Arrays.fill(byPosition, -1);
        int label = 0;
        for (int[] c : clusters) {
            boolean free = true;
            for (int i = c[0]; i <= c[1] && free; i++) {
                free = byPosition[i] == -1;
            }
            if (free) {
                Arrays.fill(byPosition, c[0], c[1] + 1, label++);
            }
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[ordering[i]] = byPosition[i];
        }
        return labels;
    }

    /** scikit-learn's {@code cluster_optics_dbscan}: a new cluster at each far point that is core at {@code eps}. */
    static int[] dbscanLabels(OpticsGraph g, double eps) {
        int n = g.ordering().length;
        int[] labels = new int[n];
        int label = -1;
        for (int i = 0; i < n; i++) {
            int p = g.ordering()[i];
            boolean far = g.reachability()[p] > eps;
            boolean nearCore = g.coreDistance()[p] <= eps;
            if (far && nearCore) {
                label++;
            }
            labels[p] = far && !nearCore ? -1 : label;
        }
        return labels;
    }
}
