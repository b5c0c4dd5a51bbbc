# rules: meddelandena i src/check/{people,lock,numbering,record,items}.rs
