package dev.clusterlab.benchmarks.peers;

import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.ids.DBIDIter;
import elki.database.ids.DBIDRange;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.index.IndexFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Conversions of the shared data into each peer's own structures (always outside the timed region). */
final class Peers {

    private Peers() {
    }

    /** An ELKI database over the rows, with the given index factories (built by initialize, which the caller may time). */
    static Database elki(double[][] rows, List<IndexFactory<?>> indexes) {
        Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows), indexes);
        db.initialize();
        return db;
    }

    static Relation<NumberVector> relation(Database db) {
        return db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    }

    /** Flat labels from an ELKI clustering: noise clusters give -1, the others 0, 1, ... in ELKI's order. */
    static int[] labels(Relation<?> relation, Clustering<?> clustering) {
        DBIDRange ids = (DBIDRange) relation.getDBIDs();
        int[] labels = new int[ids.size()];
        int next = 0;
        for (Cluster<?> c : clustering.getAllClusters()) {
            int id = c.isNoise() ? -1 : next++;
            for (DBIDIter it = c.getIDs().iter(); it.valid(); it.advance()) {
                labels[ids.getOffset(it)] = id;
            }
        }
        return labels;
    }

    /** ELKI's clusters as "name:size[noise]" for the report. */
    static String describe(Clustering<?> clustering) {
        StringBuilder b = new StringBuilder();
        for (Cluster<?> c : clustering.getAllClusters()) {
            b.append(b.isEmpty() ? "" : ", ").append(c.getNameAutomatic()).append(':').append(c.size())
                    .append(c.isNoise() ? "[noise]" : "");
        }
        return b.toString();
    }

    static MutableDataset<ClusterID> tribuo(Data data) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance("peers " + data.name, factory), factory);
        String[] names = PeersBenchmark.featureNames(data.d).toArray(String[]::new);
        for (int i = 0; i < data.n; i++) {
            double[] v = new double[data.d];
            for (int j = 0; j < data.d; j++) {
                v[j] = data.rows[i * data.d + j];
            }
            ds.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, v));
        }
        return ds;
    }

    static List<DoublePoint> commonsMath(double[][] rows) {
        List<DoublePoint> points = new ArrayList<>(rows.length);
        for (double[] r : rows) {
            points.add(new DoublePoint(r));
        }
        return points;
    }
}
