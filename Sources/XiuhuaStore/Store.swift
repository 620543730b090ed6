import Xiuhua
