def load(demo):
    return "no demo yet"
